package io.baton.connectors.agent;

import io.baton.models.RenderedPrompt;
import io.baton.models.Usage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Keeps agent conversations outside the process variables, append-only: the engine's database when
 * the connectors run in the engine application. Every write names its place (turn and position), so
 * a write that was made before changes nothing.
 */
public interface AgentConversations {

  /** The conversation, if it was opened. */
  Optional<Conversation> find(String conversationId);

  /** Opens the conversation with its opening prompt; an open one is left as it is. */
  void open(
      String conversationId, String processInstanceId, String activityId, RenderedPrompt prompt);

  /** Counts a model call about to be made for the conversation (it counts if it fails, too). */
  void countModelCall(String conversationId);

  /**
   * Keeps the messages of a turn at their positions, with what the turn cost, all or none.
   *
   * @return false when the turn's answer was kept before (by a retried or a racing activation):
   *     then nothing was written
   */
  boolean keepTurn(
      String conversationId,
      String activityInstanceId,
      List<Conversation.Kept> messages,
      Usage usage,
      BigDecimal cost);
}
