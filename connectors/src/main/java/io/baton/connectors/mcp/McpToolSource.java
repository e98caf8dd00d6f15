package io.baton.connectors.mcp;

import io.baton.connectors.agent.AgentTool;
import io.baton.connectors.agent.AgentToolSource;
import io.baton.models.mcp.McpProperties;
import io.baton.models.mcp.McpServer;
import io.baton.models.mcp.McpServers;
import io.baton.models.mcp.McpUnavailableException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The tools of every configured MCP server, for agents' allow-lists. A tool is named {@code
 * <server>_<tool>} ({@code shop_lookup_order}); its target is {@code <server>/<tool>}, which the
 * {@code mcp-call} tool calls. It needs approval unless its server lists it under {@code
 * without-approval}. A server that does not answer offers no tools until it does (a log line says
 * why); a tool whose name cannot be a model's tool name is left out, also with a log line.
 */
@Component
public class McpToolSource implements AgentToolSource {

  private static final Logger log = LoggerFactory.getLogger(McpToolSource.class);

  /** What models accept as a tool name. */
  static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

  private final McpServers servers;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  public McpToolSource(McpServers servers) {
    this.servers = servers;
  }

  @Override
  public List<AgentTool> tools() {
    List<AgentTool> tools = new ArrayList<>();
    for (McpServer server : servers.all()) {
      try {
        tools.addAll(tools(server));
      } catch (McpUnavailableException e) {
        // the connection logged why when it asked; its tools are absent
      }
    }
    return List.copyOf(tools);
  }

  private List<AgentTool> tools(McpServer server) {
    List<AgentTool> tools = new ArrayList<>();
    Set<String> offered = new HashSet<>();
    for (McpServer.Tool tool : server.tools()) {
      offered.add(tool.name());
      String name = server.name() + "_" + tool.name();
      if (!TOOL_NAME.matcher(name).matches()) {
        warnOnce(
            "MCP server '%s': tool '%s' is left out: '%s' is no model tool name (1 to 64 letters, digits, _ or -)"
                .formatted(server.name(), tool.name(), name));
        continue;
      }
      tools.add(
          new AgentTool(
              name,
              tool.description(),
              tool.inputSchema(),
              AgentTool.Kind.MCP,
              server.name() + "/" + tool.name(),
              server.settings().needsApproval(tool.name())));
    }
    for (String listed : server.settings().withoutApproval()) {
      if (!offered.contains(listed)) {
        warnOnce(
            "MCP server '%s' offers no tool '%s', which %s lists"
                .formatted(
                    server.name(),
                    listed,
                    McpProperties.setting(server.name(), "without-approval")));
      }
    }
    return tools;
  }

  private void warnOnce(String message) {
    if (warned.add(message)) {
      log.warn(message);
    }
  }
}
