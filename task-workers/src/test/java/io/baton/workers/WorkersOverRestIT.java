package io.baton.workers;

import io.baton.support.EngineIT;
import org.junit.jupiter.api.Nested;

/**
 * Workers against an engine that runs none of its own, reaching it only through its authenticated
 * REST API. The checks share this one application: each would start the same one otherwise.
 */
@EngineIT(properties = "baton.workers.enabled=false")
class WorkersOverRestIT {

  @Nested
  class WorkerRuntimeIT extends WorkerRuntimeChecks {}

  @Nested
  class EffectLeaseIT extends EffectLeaseChecks {}

  @Nested
  class StandaloneWorkerIT extends StandaloneWorkerChecks {}

  @Nested
  class McpToolIT extends McpToolChecks {}
}
