package io.baton.models;

import java.util.List;
import java.util.Objects;

/**
 * One message of an agent's conversation after its opening prompt: what the model answered (text,
 * tool calls or both), the result of one of its tool calls, or a further message from the process
 * (a critic's comments for a writer, say).
 *
 * @param toolCallId for a {@link Role#TOOL_RESULT}, the id of the call it answers
 * @param toolName for a {@link Role#TOOL_RESULT}, the tool that was called
 */
public record AgentMessage(
    Role role, String text, List<ToolCall> toolCalls, String toolCallId, String toolName) {

  public AgentMessage {
    Objects.requireNonNull(role, "role");
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  public static AgentMessage user(String text) {
    return new AgentMessage(Role.USER, text, List.of(), null, null);
  }

  public static AgentMessage assistant(String text, List<ToolCall> toolCalls) {
    return new AgentMessage(Role.ASSISTANT, text, toolCalls, null, null);
  }

  public static AgentMessage toolResult(ToolCall call, String result) {
    return new AgentMessage(Role.TOOL_RESULT, result, List.of(), call.id(), call.name());
  }

  /** Who wrote a message. */
  public enum Role {
    USER,
    ASSISTANT,
    TOOL_RESULT
  }
}
