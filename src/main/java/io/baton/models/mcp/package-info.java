/**
 * MCP servers Baton calls tools of ({@code baton.mcp.servers.<name>}), reached through
 * langchain4j's MCP client, which stays behind {@link io.baton.models.mcp.McpServer}.
 */
package io.baton.models.mcp;
