package io.baton.agents;

import io.baton.connectors.agent.AgentTool;
import io.baton.connectors.agent.AgentToolSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Every tool an agent may be allowed: those of all {@link AgentToolSource}s (the tool processes,
 * the tools of configured MCP servers). A name two sources offer is refused rather than guessed.
 */
@Component
public class AgentToolCatalog {

  private final List<AgentToolSource> sources;

  AgentToolCatalog(List<AgentToolSource> sources) {
    this.sources = sources;
  }

  /** The tools of an allow-list, in its order; an unknown name is refused with the known ones. */
  public List<AgentTool> resolve(List<String> names, String agent) {
    Map<String, AgentTool> known = known();
    List<AgentTool> tools = new ArrayList<>();
    for (String name : names) {
      AgentTool tool = known.get(name);
      if (tool == null) {
        throw new IllegalStateException(
            "agent '%s' may call tool '%s', which no tool process and no MCP server offers;"
                    .formatted(agent, name)
                + " the tools are %s".formatted(known.keySet()));
      }
      tools.add(tool);
    }
    return tools;
  }

  private Map<String, AgentTool> known() {
    Map<String, AgentTool> known = new TreeMap<>();
    for (AgentToolSource source : sources) {
      for (AgentTool tool : source.tools()) {
        AgentTool other = known.putIfAbsent(tool.name(), tool);
        if (other != null) {
          throw new IllegalStateException(
              "two tools are named '%s' (%s %s and %s %s): rename one"
                  .formatted(
                      tool.name(), other.kind(), other.target(), tool.kind(), tool.target()));
        }
      }
    }
    return known;
  }
}
