package io.baton.models.mcp;

/** An MCP server did not answer (down, unreachable, refused the credentials, too slow). */
public class McpUnavailableException extends RuntimeException {

  McpUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
