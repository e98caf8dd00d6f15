package io.baton.requests;

import io.baton.mcp.McpServerChecks;
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

  /** customer-request as a tool of Baton's MCP server, called by an MCP client. */
  @Nested
  class AsMcpTool extends McpServerChecks {}

  /** Traces exported over OTLP, in the same application. */
  @Nested
  class Traced extends GenAiTracingChecks {}

  @DynamicPropertySource
  static void tracing(DynamicPropertyRegistry registry) {
    GenAiTracingChecks.exportTo(registry);
  }
}
