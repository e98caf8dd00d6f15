package io.baton.models;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The named models, {@code baton.models.<name>.*}, and the circuit breaker every remote provider
 * gets, {@code baton.model-breaker.*}.
 */
@ConfigurationProperties("baton")
public record ModelsProperties(
    @DefaultValue Map<String, ModelSettings> models, @DefaultValue BreakerSettings modelBreaker) {

  /**
   * When a provider's circuit opens: at least {@code minimumCalls} calls in the last {@code window}
   * calls, of which {@code failureRatePercent} failed; it stays open for {@code openFor}, then lets
   * a few calls through to probe.
   */
  public record BreakerSettings(
      @DefaultValue("50") float failureRatePercent,
      @DefaultValue("20") int window,
      @DefaultValue("5") int minimumCalls,
      @DefaultValue("30s") Duration openFor) {}
}
