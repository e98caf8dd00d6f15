package io.baton.connectors.agent;

import java.util.List;

/**
 * Where agent tools come from: the tool processes deployed in the engine, the tools of configured
 * MCP servers. An agent's allow-list names tools of any source; a name two sources offer is
 * refused.
 */
public interface AgentToolSource {

  /** The tools this source offers now. */
  List<AgentTool> tools();
}
