package io.baton.requests;

import io.baton.support.EngineIT;
import io.baton.tracing.GenAiTracingChecks;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The customer-request routes on the embedded default database, H2, with metrics and traces
 * exported.
 */
@EngineIT
@AutoConfigureObservability
class CustomerRequestH2IT extends CustomerRequestScenarios {

  /** In the same application: one context instead of two. */
  @Nested
  class OverHttp extends CustomerRequestApiChecks {}

  /** Traces exported over OTLP, in the same application. */
  @Nested
  class Traced extends GenAiTracingChecks {}

  @DynamicPropertySource
  static void tracing(DynamicPropertyRegistry registry) {
    GenAiTracingChecks.exportTo(registry);
  }
}
