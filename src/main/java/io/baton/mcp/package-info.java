/**
 * MCP out: processes that declare {@code baton.mcp.tool} are tools of Baton's MCP server at {@code
 * /mcp}; a call starts the process as the caller and answers its result variables once it ends.
 */
package io.baton.mcp;
