package io.baton.models;

import io.baton.models.policy.CascadeModel;
import io.baton.models.policy.FallbackModel;
import io.baton.tracing.GenAiTracing;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The named models, built once at start-up; a bad model configuration stops the start with a
 * message that names the setting. Provider models are wrapped so every call is audited, measured
 * and guarded by one circuit breaker per provider endpoint; {@code fallback} and {@code cascade}
 * models route over other named models.
 */
public class ModelRegistry {

  static final String FALLBACK = "fallback";
  static final String CASCADE = "cascade";

  private final Map<String, Model> models = new TreeMap<>();
  private final Map<String, String> breakerNames = new TreeMap<>();
  private final CircuitBreakerRegistry breakers;
  private final GenAiTracing tracing;

  public ModelRegistry(
      ModelsProperties properties,
      List<ModelProvider> providers,
      ModelCallLog log,
      MeterRegistry meters) {
    this(properties, providers, log, meters, GenAiTracing.NOOP);
  }

  public ModelRegistry(
      ModelsProperties properties,
      List<ModelProvider> providers,
      ModelCallLog log,
      MeterRegistry meters,
      GenAiTracing tracing) {
    this.tracing = tracing;
    ModelsProperties.BreakerSettings breaker = properties.modelBreaker();
    breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRatePercent())
                .slidingWindowSize(breaker.window())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
    Map<String, ModelSettings> all = properties.models();
    all.forEach(
        (name, settings) -> {
          if (!isPolicy(settings)) {
            models.put(name, build(name, settings, providers, log, meters));
          }
        });
    all.forEach((name, settings) -> resolve(name, all, new LinkedHashSet<>()));
  }

  public Model get(String name) {
    Model model = models.get(name);
    if (model == null) {
      throw new UnknownModelException(
          "no model named '%s': the configured models are %s (baton.models.*)"
              .formatted(name, models.keySet()));
    }
    return model;
  }

  public List<String> names() {
    return List.copyOf(models.keySet());
  }

  /** The state of the circuit breaker in front of a model's provider endpoint. */
  public CircuitBreaker.State breakerState(String name) {
    String breaker = breakerNames.get(name);
    return breaker == null
        ? CircuitBreaker.State.CLOSED
        : breakers.find(breaker).map(CircuitBreaker::getState).orElse(CircuitBreaker.State.CLOSED);
  }

  private Model build(
      String name,
      ModelSettings settings,
      List<ModelProvider> providers,
      ModelCallLog log,
      MeterRegistry meters) {
    if (settings.provider() == null || settings.provider().isBlank()) {
      throw ModelSettings.missing(name, "provider", "for example 'local' or 'openai'");
    }
    List<ModelProvider> matching = providers.stream().filter(p -> p.supports(settings)).toList();
    if (matching.isEmpty()) {
      throw new IllegalStateException(
          ("model '%s' uses provider '%s', which this build does not have: choose local, openai,"
                  + " ollama, anthropic, fallback or cascade")
              .formatted(name, settings.provider()));
    }
    if (matching.size() > 1) {
      throw new IllegalStateException(
          "model '%s': several providers claim provider '%s': %s"
              .formatted(name, settings.provider(), matching));
    }
    Model model = matching.get(0).create(name, settings);
    CircuitBreaker breaker = null;
    if (!"local".equals(settings.provider())) {
      String breakerName =
          settings.provider() + "@" + Objects.toString(settings.endpoint(), "default");
      breakerNames.put(name, breakerName);
      breaker = breakers.circuitBreaker(breakerName);
    }
    if (settings.pricePerOutputToken() != null
        && settings.pricePerOutputToken().signum() > 0
        && settings.maxTokens() == null) {
      throw ModelSettings.missing(
          name,
          "max-tokens",
          "a priced model needs it: a call's worst-case cost is reserved against the budgets before"
              + " it is made, for example 1024");
    }
    positive(name, "requests-per-minute", settings.requestsPerMinute());
    positive(name, "tokens-per-minute", settings.tokensPerMinute());
    return new TracedModel(
        new RecordedModel(model, settings, breaker, log, meters), settings, tracing);
  }

  private Model resolve(String name, Map<String, ModelSettings> all, Set<String> path) {
    Model built = models.get(name);
    if (built != null) {
      return built;
    }
    ModelSettings settings = all.get(name);
    if (settings == null) {
      throw new IllegalStateException(
          "model '%s' routes to '%s', which is not configured: the models are %s"
              .formatted(path.iterator().next(), name, all.keySet()));
    }
    if (!path.add(name)) {
      throw new IllegalStateException(
          "models route to each other in a loop: " + path + " -> " + name);
    }
    if (settings.models().isEmpty()) {
      throw ModelSettings.missing(name, "models", "the named models to try in order");
    }
    List<Model> tiers = new ArrayList<>();
    for (String tier : settings.models()) {
      tiers.add(resolve(tier, all, new LinkedHashSet<>(path)));
    }
    Model model =
        FALLBACK.equals(settings.provider())
            ? new FallbackModel(name, tiers)
            : new CascadeModel(name, tiers, minConfidence(name, settings));
    models.put(name, model);
    return model;
  }

  private static void positive(String name, String setting, Integer value) {
    if (value != null && value < 1) {
      throw new IllegalStateException(
          "model '%s': %s must be at least 1, not %d (%s)"
              .formatted(name, setting, value, ModelSettings.variable(name, setting)));
    }
  }

  private static double minConfidence(String name, ModelSettings settings) {
    if (settings.minConfidence() == null) {
      throw ModelSettings.missing(
          name, "min-confidence", "below it the cascade asks the next model, e.g. 0.8");
    }
    if (settings.minConfidence() < 0 || settings.minConfidence() > 1) {
      throw new IllegalStateException(
          "model '%s': min-confidence must be between 0 and 1, not %s"
              .formatted(name, settings.minConfidence()));
    }
    return settings.minConfidence();
  }

  private static boolean isPolicy(ModelSettings settings) {
    return FALLBACK.equals(settings.provider()) || CASCADE.equals(settings.provider());
  }
}
