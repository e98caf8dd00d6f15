/**
 * Tools of MCP servers ({@code baton.mcp.servers.<name>}): listed for agents' allow-lists by {@link
 * io.baton.connectors.mcp.McpToolSource}, and called once per task under the effect ledger by the
 * {@code mcp-call} tool ({@link io.baton.connectors.mcp.McpCallFunction}).
 */
package io.baton.connectors.mcp;
