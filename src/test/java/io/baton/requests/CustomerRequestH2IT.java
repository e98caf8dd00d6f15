package io.baton.requests;

import io.baton.support.EngineIT;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** The customer-request routes on the embedded default database, H2, with metrics exported. */
@EngineIT
@AutoConfigureObservability
class CustomerRequestH2IT extends CustomerRequestScenarios {

  /** In the same application: one context instead of two. */
  @Nested
  class OverHttp extends CustomerRequestApiChecks {}
}
