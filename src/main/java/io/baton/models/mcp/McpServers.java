package io.baton.models.mcp;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The configured MCP servers by name, each with its connection; closed with the application. */
@Component
public class McpServers implements DisposableBean {

  private final Map<String, McpServer> servers;

  public McpServers(McpProperties properties) {
    this.servers =
        properties.servers().entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e -> new McpServer(e.getKey(), e.getValue(), properties.toolListTtl()),
                    (a, b) -> a,
                    TreeMap::new));
  }

  /** All servers, in the order of their names. */
  public Collection<McpServer> all() {
    return servers.values();
  }

  /** A configured server. */
  public Optional<McpServer> server(String name) {
    return Optional.ofNullable(servers.get(name));
  }

  /** The names of the configured servers. */
  public Collection<String> names() {
    return servers.keySet();
  }

  @Override
  public void destroy() {
    servers.values().forEach(McpServer::close);
  }
}
