/**
 * Agents whose loop is drawn in BPMN: their conversations in Baton's tables, the tools they may
 * call (tool processes and MCP tools), and the engine's side of each tool call: the allow-list
 * resolved when an agent task starts, the arguments checked again and handed to the tool's process,
 * its result kept in the conversation.
 */
package io.baton.agents;
