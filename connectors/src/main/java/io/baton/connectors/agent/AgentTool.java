package io.baton.connectors.agent;

import java.util.Objects;

/**
 * A tool an agent may be allowed to call: what the model is told (name, description, the JSON
 * schema of its arguments) and how Baton runs it.
 *
 * @param name the name the model calls it by, unique across all sources
 * @param inputSchema the JSON schema (draft 2020-12) of the arguments, as JSON text; the arguments
 *     of every call are checked against it before the tool runs
 * @param kind where the tool runs
 * @param target for a {@link Kind#PROCESS} tool the key of its process; for an {@link Kind#MCP}
 *     tool {@code <server>/<tool>}
 * @param needsApproval whether a call goes through routing and a person's approval of its exact
 *     arguments before it acts
 */
public record AgentTool(
    String name,
    String description,
    String inputSchema,
    Kind kind,
    String target,
    boolean needsApproval) {

  public AgentTool {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    description = description == null ? "" : description;
  }

  /** Where a tool runs. */
  public enum Kind {
    /** A process of {@code processes/tools/}, reached by a call activity. */
    PROCESS,
    /** A tool of an MCP server, called by the {@code baton.mcp-call} connector. */
    MCP
  }
}
