package io.baton.connectors.mcp;

/**
 * Output of the {@code mcp-call} tool.
 *
 * @param result what the tool answered: its structured content as JSON text where it gave one, else
 *     its text content joined by new lines (other content as a placeholder such as {@code [image
 *     content image/png]})
 * @param isError false: a tool that answers with an error raises {@code MCP_TOOL_ERROR}, with the
 *     variables {@code result} (the server's message) and {@code isError} true
 */
public record McpCallResult(String result, boolean isError) {}
