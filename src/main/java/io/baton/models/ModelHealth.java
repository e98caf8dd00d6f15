package io.baton.models;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * Health of each configured model, as {@code models.<name>} under {@code /actuator/health}: {@code
 * UP} while its provider's circuit breaker lets calls through, {@code DEGRADED} while it is open
 * (cases go on over fallbacks and the offline model, so the application stays in service).
 */
final class ModelHealth {

  /** Between UP and OUT_OF_SERVICE; answered with HTTP 200 (application.yml). */
  static final Status DEGRADED = new Status("DEGRADED", "the provider's circuit breaker is open");

  private ModelHealth() {}

  static CompositeHealthContributor of(ModelRegistry registry) {
    Map<String, HealthIndicator> models = new LinkedHashMap<>();
    for (String name : registry.names()) {
      models.put(name, () -> health(registry, name));
    }
    return CompositeHealthContributor.fromMap(models);
  }

  private static Health health(ModelRegistry registry, String name) {
    CircuitBreaker.State state = registry.breakerState(name);
    Health.Builder health =
        state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
            ? Health.status(DEGRADED)
            : Health.up();
    return health
        .withDetail("provider", registry.get(name).provider())
        .withDetail("circuitBreaker", state.name())
        .build();
  }
}
