package io.baton.connectors.mcp;

import io.baton.connectors.ConnectorIncident;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The configured MCP servers by name, each with its connection; closed with the application. */
@Component
public class McpServers implements DisposableBean {

  private final Map<String, McpServerConnection> servers;

  public McpServers(McpProperties properties) {
    this.servers =
        properties.servers().entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        new McpServerConnection(e.getKey(), e.getValue(), properties.toolListTtl()),
                    (a, b) -> a,
                    TreeMap::new));
  }

  /** All servers, in the order of their names. */
  Iterable<McpServerConnection> all() {
    return servers.values();
  }

  /** A configured server, or an incident that says how to configure it. */
  McpServerConnection server(String name) {
    McpServerConnection server = servers.get(name);
    if (server == null) {
      throw new ConnectorIncident(
          "MCP server '%s' is not configured: set %s (configured: %s)"
              .formatted(name, McpProperties.setting(name, "url"), servers.keySet()));
    }
    return server;
  }

  @Override
  public void destroy() {
    servers.values().forEach(McpServerConnection::close);
  }
}
