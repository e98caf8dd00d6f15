package io.baton.agents;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.agent.Conversation;
import io.baton.connectors.agent.Conversation.Kept;
import io.baton.erasure.ErasedSubject;
import io.baton.models.AgentMessage;
import io.baton.models.PromptRef;
import io.baton.models.RenderedPrompt;
import io.baton.models.ToolCall;
import io.baton.models.Usage;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The agent conversation store on the database it runs in (PostgreSQL, nested in {@code
 * CustomerRequestPostgresIT}): a conversation opens once, a turn and a tool result are each kept
 * once at their place, what a turn cost adds up, and an erasure takes the conversation whole.
 */
public abstract class AgentConversationChecks {

  private static final ToolCall CALL = new ToolCall("call-1", "check-stock", "{\"sku\":\"X-1\"}");

  @Autowired JdbcAgentConversations conversations;
  @Autowired AgentConversationData erasure;
  @Autowired JdbcTemplate jdbc;

  @Test
  void should_keep_each_message_once_at_its_place_and_erase_the_conversation_whole() {
    String caseId = UUID.randomUUID().toString();
    String id = caseId + "/research";
    RenderedPrompt prompt =
        new RenderedPrompt(
            new PromptRef("complaint-researcher", 1, "abc"), "system", "goal", false);
    conversations.open(id, caseId, "research", prompt);
    conversations.open(id, caseId, "research", new RenderedPrompt(prompt.ref(), "x", "y", false));
    conversations.countModelCall(id);
    List<Kept> turn =
        List.of(
            new Kept(
                1,
                Conversation.ANSWER_POSITION,
                AgentMessage.assistant(null, List.of(CALL)),
                "act-1",
                "smart"));

    assertThat(
            conversations.keepTurn(id, "act-1", turn, new Usage(100, 20), new BigDecimal("0.01")))
        .isTrue();
    assertThat(
            conversations.keepTurn(id, "act-2", turn, new Usage(100, 20), new BigDecimal("0.01")))
        .as("a racing activation keeps nothing")
        .isFalse();
    Kept result =
        new Kept(1, Kept.resultPosition(0), AgentMessage.toolResult(CALL, "{\"rows\":[]}"), "c-1");
    assertThat(conversations.keepToolResult(id, result)).isTrue();
    assertThat(conversations.keepToolResult(id, result)).isFalse();

    Conversation kept = conversations.find(id).orElseThrow();
    assertThat(kept.prompt().user()).isEqualTo("goal");
    assertThat(kept.history()).containsExactly(turn.get(0).message(), result.message());
    assertThat(kept.answer(1).orElseThrow().model()).isEqualTo("smart");
    assertThat(kept.pendingCalls(1)).isEmpty();
    assertThat(kept.modelCalls()).isEqualTo(1);
    assertThat(kept.tokens()).isEqualTo(120);
    assertThat(kept.cost()).isEqualByComparingTo("0.01");

    assertThat(erasure.erase(new ErasedSubject("e-1", "customerId", "C-1", List.of(caseId))))
        .isEqualTo(1);
    assertThat(conversations.find(id)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM baton_agent_message WHERE conversation_id = ?",
                Integer.class,
                id))
        .isZero();
  }
}
