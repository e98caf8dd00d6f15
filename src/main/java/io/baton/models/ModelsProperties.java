package io.baton.models;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The named models, {@code baton.models.<name>.*}, the circuit breaker every remote provider gets,
 * {@code baton.model-breaker.*}, and the budgets, {@code baton.budgets.*}.
 */
@ConfigurationProperties("baton")
public record ModelsProperties(
    @DefaultValue Map<String, ModelSettings> models,
    @DefaultValue BreakerSettings modelBreaker,
    @DefaultValue Budgets budgets) {

  /**
   * What a case may spend on priced model calls, {@code baton.budgets.*}.
   *
   * @param perCase the most, in the currency of the models' prices, that one process instance's
   *     model calls may cost; none when not set. Calls already in flight when it is reached still
   *     count, so a case can end a little above it.
   */
  public record Budgets(BigDecimal perCase) {

    public static final Budgets NONE = new Budgets(null);

    public Budgets {
      if (perCase != null && perCase.signum() < 0) {
        throw new IllegalArgumentException(
            "baton.budgets.per-case must not be negative, it is " + perCase);
      }
    }
  }

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
