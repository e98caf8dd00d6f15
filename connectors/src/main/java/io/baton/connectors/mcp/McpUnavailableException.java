package io.baton.connectors.mcp;

/** An MCP server did not answer (down, unreachable, refused the credentials, too slow). */
class McpUnavailableException extends RuntimeException {

  McpUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
