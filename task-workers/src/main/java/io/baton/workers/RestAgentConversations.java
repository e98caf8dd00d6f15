package io.baton.workers;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.connectors.agent.AgentConversations;
import io.baton.connectors.agent.Conversation;
import io.baton.models.RenderedPrompt;
import io.baton.models.StrictJson;
import io.baton.models.Usage;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A standalone worker's agent conversations: it has no database, so it asks the engine ({@code
 * /api/agent-conversations}). Every write names its place, so a request whose answer was lost is
 * sent again without harm.
 */
final class RestAgentConversations implements AgentConversations {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final EngineClient engine;

  RestAgentConversations(EngineClient engine) {
    this.engine = engine;
  }

  @Override
  public Optional<Conversation> find(String conversationId) {
    EngineClient.Answer answer =
        engine.send(
            "GET",
            "/agent-conversations?id=" + URLEncoder.encode(conversationId, StandardCharsets.UTF_8),
            null,
            READ_TIMEOUT);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(
        StrictJson.MAPPER.convertValue(
            answer(answer, "read an agent conversation"), Conversation.class));
  }

  @Override
  public void open(
      String conversationId, String processInstanceId, String activityId, RenderedPrompt prompt) {
    Map<String, Object> body =
        Map.of(
            "conversationId", conversationId,
            "processInstanceId", processInstanceId,
            "activityId", activityId,
            "prompt", prompt);
    answer(engine.postKeptOnce("/agent-conversations", body, "open"), "open an agent conversation");
  }

  @Override
  public void countModelCall(String conversationId) {
    answer(
        engine.postKeptOnce(
            "/agent-conversations/model-calls", Map.of("conversationId", conversationId), "count"),
        "count an agent's model call");
  }

  @Override
  public boolean keepTurn(
      String conversationId,
      String activityInstanceId,
      List<Conversation.Kept> messages,
      Usage usage,
      BigDecimal cost) {
    Map<String, Object> body =
        Map.of(
            "conversationId", conversationId,
            "activityInstanceId", activityInstanceId,
            "messages", messages,
            "usage", usage,
            "cost", cost);
    return answer(engine.postKeptOnce("/agent-conversations/turns", body, "keep"), "keep a turn")
        .path("kept")
        .asBoolean();
  }

  private static JsonNode answer(EngineClient.Answer answer, String what) {
    if (answer.status() == 400) {
      throw new IllegalArgumentException(answer.json().path("detail").asText(answer.body()));
    }
    if (answer.status() / 100 != 2) {
      throw new IllegalStateException(
          "cannot %s: the engine answered HTTP %d %s"
              .formatted(what, answer.status(), answer.body()));
    }
    return answer.json();
  }
}
