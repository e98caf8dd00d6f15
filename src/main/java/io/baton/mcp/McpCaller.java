package io.baton.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The engine user who sent an MCP request, taken on the request's thread where the REST
 * authentication filter set it, and carried to the thread that serves the call.
 */
record McpCaller(String userId, List<String> groupIds, List<String> tenantIds) {

  private static final String KEY = "baton.caller";

  /** The transport context of the request the authentication filter let through. */
  static McpTransportContext context(IdentityService identity) {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null || current.getUserId() == null) {
      return McpTransportContext.EMPTY;
    }
    McpCaller caller =
        new McpCaller(
            current.getUserId(),
            current.getGroupIds() == null ? List.of() : List.copyOf(current.getGroupIds()),
            current.getTenantIds() == null ? List.of() : List.copyOf(current.getTenantIds()));
    return McpTransportContext.create(Map.of(KEY, caller));
  }

  static Optional<McpCaller> of(McpTransportContext context) {
    return context.get(KEY) instanceof McpCaller caller ? Optional.of(caller) : Optional.empty();
  }

  /** Runs the work as this user: the engine's authorizations and start initiator apply. */
  <T> T run(IdentityService identity, java.util.function.Supplier<T> work) {
    identity.setAuthentication(userId, groupIds, tenantIds);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
