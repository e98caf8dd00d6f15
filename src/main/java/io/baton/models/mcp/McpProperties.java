package io.baton.models.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MCP servers whose tools agents may be allowed to call, {@code baton.mcp.servers.<name>.*}:
 * where each one answers (Streamable HTTP), how to authenticate ({@code
 * BATON_MCP_SERVERS_SHOP_BEARER_TOKEN}, from the environment), and which of its tools may act
 * without a person's approval. Every tool not listed there needs approval: a new tool a server
 * starts offering is never trusted by default.
 *
 * @param servers by name; a name is letters, digits and {@code -}, so {@code <server>_<tool>} names
 *     one tool only
 * @param toolListTtl how long a server's tool list is kept before it is asked again; a server that
 *     did not answer is asked again after the same time
 */
@ConfigurationProperties("baton.mcp")
public record McpProperties(
    @DefaultValue Map<String, Server> servers, @DefaultValue("30s") Duration toolListTtl) {

  private static final Pattern SERVER_NAME = Pattern.compile("[A-Za-z0-9-]{1,40}");

  public McpProperties {
    servers = Map.copyOf(servers == null ? Map.of() : servers);
    toolListTtl = toolListTtl == null ? Duration.ofSeconds(30) : toolListTtl;
    servers.forEach(McpProperties::check);
  }

  /**
   * One MCP server.
   *
   * @param url its Streamable HTTP endpoint, such as {@code https://shop.example.com/mcp}
   * @param bearerToken sent as {@code Authorization: Bearer ...}; set it from the environment
   * @param headers more request headers, such as an API key header; set secret values from the
   *     environment
   * @param timeout how long connecting, listing the tools or one tool call may take
   * @param withoutApproval the tools (the server's names, such as {@code lookup_order}) that act
   *     without a person's approval; all others need it
   */
  public record Server(
      String url,
      String bearerToken,
      @DefaultValue Map<String, String> headers,
      @DefaultValue("30s") Duration timeout,
      @DefaultValue List<String> withoutApproval) {

    public Server {
      bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken.strip();
      headers = Map.copyOf(headers == null ? Map.of() : headers);
      timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
      withoutApproval = List.copyOf(withoutApproval == null ? List.of() : withoutApproval);
    }

    public boolean needsApproval(String tool) {
      return !withoutApproval.contains(tool);
    }

    @Override
    public String toString() {
      return "Server[url=%s, credentials=%s, headers=%s, timeout=%s, withoutApproval=%s]"
          .formatted(
              url,
              bearerToken == null ? "none" : "bearer",
              headers.keySet(),
              timeout,
              withoutApproval);
    }
  }

  /**
   * The environment variable of a server's setting, for messages:
   * BATON_MCP_SERVERS_SHOP_BEARER_TOKEN.
   */
  public static String variable(String server, String setting) {
    return ("BATON_MCP_SERVERS_" + server + "_" + setting)
        .toUpperCase()
        .replaceAll("[^A-Z0-9]", "_");
  }

  /** Names a server's setting and how to set it. */
  public static String setting(String server, String setting) {
    return "%s (baton.mcp.servers.%s.%s)".formatted(variable(server, setting), server, setting);
  }

  private static void check(String name, Server server) {
    if (!SERVER_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "MCP server name '%s' must be 1 to 40 letters, digits or -, such as shop or erp-eu: its tools are called <server>_<tool>"
              .formatted(name));
    }
    if (server.url() == null || server.url().isBlank()) {
      throw new IllegalArgumentException(
          "MCP server '%s' has no url: set %s to its Streamable HTTP endpoint, such as https://shop.example.com/mcp"
              .formatted(name, setting(name, "url")));
    }
    URI uri;
    try {
      uri = new URI(server.url().strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "MCP server '%s': url is not a URL (%s): check %s"
              .formatted(name, e.getMessage(), setting(name, "url")));
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
        || uri.getHost() == null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "MCP server '%s': url must be an http or https URL with a host and no user info (credentials go into bearer-token or headers): check %s"
              .formatted(name, setting(name, "url")));
    }
    if (server.timeout().isNegative() || server.timeout().isZero()) {
      throw new IllegalArgumentException(
          "MCP server '%s': timeout must be positive, it is %s: check %s"
              .formatted(name, server.timeout(), setting(name, "timeout")));
    }
  }
}
