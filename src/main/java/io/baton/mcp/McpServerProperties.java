package io.baton.mcp;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baton.mcp.server.*}: Baton's MCP server at {@code /mcp}.
 *
 * @param enabled whether the endpoint exists
 * @param callTimeout how long a tool call waits for its process to end; past it the call answers a
 *     tool error naming the process instance, which goes on
 * @param pollInterval how often a waiting call looks in the history whether its process ended
 * @param allowedOrigins browser origins that may call the endpoint; a request with any other {@code
 *     Origin} header is refused with 403 (MCP clients that are not browsers send none)
 */
@ConfigurationProperties("baton.mcp.server")
public record McpServerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("5m") Duration callTimeout,
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue List<String> allowedOrigins) {}
