package io.baton.connectors.agent;

import io.baton.models.AgentMessage;
import io.baton.models.RenderedPrompt;
import io.baton.models.ToolCall;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An agent's conversation as kept: its opening prompt, its messages in order, and what it has
 * consumed so far, which the agent's limits are checked against.
 */
public record Conversation(
    String id,
    RenderedPrompt prompt,
    List<Kept> messages,
    int modelCalls,
    long inputTokens,
    long outputTokens,
    BigDecimal cost) {

  /** In each turn: a message from the process, the model's answer, then its tool results. */
  public static final int USER_POSITION = 0;

  public static final int ANSWER_POSITION = 1;

  public Conversation {
    messages =
        messages.stream()
            .sorted(Comparator.comparingInt(Kept::turn).thenComparingInt(Kept::position))
            .toList();
  }

  /**
   * A message at its place, the activation of the agent task that wrote it, and for an answer the
   * named model that answered.
   */
  public record Kept(
      int turn, int position, AgentMessage message, String activityInstanceId, String model) {

    public Kept(int turn, int position, AgentMessage message, String activityInstanceId) {
      this(turn, position, message, activityInstanceId, null);
    }

    /** The position of the result of the turn's {@code index}-th tool call. */
    public static int resultPosition(int index) {
      return ANSWER_POSITION + 1 + index;
    }
  }

  public long tokens() {
    return inputTokens + outputTokens;
  }

  /** The number of the last turn with an answer; 0 before the first. */
  public int lastTurn() {
    return messages.stream()
        .filter(m -> m.position() == ANSWER_POSITION)
        .mapToInt(Kept::turn)
        .max()
        .orElse(0);
  }

  /** The answer of the turn. */
  public Optional<Kept> answer(int turn) {
    return at(turn, ANSWER_POSITION);
  }

  public Optional<Kept> at(int turn, int position) {
    return messages.stream().filter(m -> m.turn() == turn && m.position() == position).findFirst();
  }

  /**
   * The tool calls of the turn's answer that have no result yet, with their index in the answer.
   */
  public List<Integer> pendingCalls(int turn) {
    List<ToolCall> calls = answer(turn).map(a -> a.message().toolCalls()).orElse(List.of());
    return java.util.stream.IntStream.range(0, calls.size())
        .filter(i -> at(turn, Kept.resultPosition(i)).isEmpty())
        .boxed()
        .toList();
  }

  /** The messages as the model reads them, in order. */
  public List<AgentMessage> history() {
    return messages.stream().map(Kept::message).toList();
  }
}
