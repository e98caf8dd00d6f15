package io.baton.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.baton.connectors.agent.Conversation;
import io.baton.connectors.agent.Conversation.Kept;
import io.baton.models.AgentMessage;
import io.baton.models.PromptRef;
import io.baton.models.RenderedPrompt;
import io.baton.models.ToolCall;
import io.baton.models.Usage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * A standalone worker keeps agent conversations over HTTP: what the engine writes (with Spring's
 * JSON mapper, as its controller does) the worker reads whole, and a refusal keeps its reason.
 */
class RestAgentConversationsTest {

  private static final ObjectMapper SPRING = Jackson2ObjectMapperBuilder.json().build();

  private static final Conversation KEPT =
      new Conversation(
          "pi-1/research",
          new RenderedPrompt(new PromptRef("complaint-researcher", 1, "abc"), "sys", "goal", false),
          List.of(
              new Kept(
                  1,
                  Conversation.ANSWER_POSITION,
                  AgentMessage.assistant(
                      null, List.of(new ToolCall("call-1", "check-stock", "{\"sku\":\"X-1\"}"))),
                  "act-1",
                  "smart"),
              new Kept(
                  1,
                  Kept.resultPosition(0),
                  AgentMessage.toolResult(
                      new ToolCall("call-1", "check-stock", "{}"), "{\"rows\":[]}"),
                  "act-2")),
          1,
          120,
          30,
          new BigDecimal("0.00048"));

  private HttpServer engine;
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private RestAgentConversations conversations;

  @BeforeEach
  void startEngine() throws IOException {
    engine = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    engine.createContext(
        "/api/agent-conversations",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          bodies.put(
              path, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body;
          int status;
          if (exchange.getRequestMethod().equals("GET")) {
            boolean known = exchange.getRequestURI().getRawQuery().equals("id=pi-1%2Fresearch");
            status = known ? 200 : 404;
            body = known ? SPRING.writeValueAsBytes(KEPT) : new byte[0];
          } else if (path.endsWith("/turns")) {
            status = 400;
            body = "{\"detail\":\"a turn needs conversationId\"}".getBytes(StandardCharsets.UTF_8);
          } else {
            status = 200;
            body = "{\"kept\":true}".getBytes(StandardCharsets.UTF_8);
          }
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    engine.start();
    conversations =
        new RestAgentConversations(
            new EngineClient(
                "http://127.0.0.1:" + engine.getAddress().getPort() + "/engine-rest",
                "worker",
                "pw"));
  }

  @AfterEach
  void stopEngine() {
    engine.stop(0);
  }

  @Test
  void should_read_a_conversation_as_the_engine_wrote_it() {
    assertThat(conversations.find("pi-1/research")).contains(KEPT);
    assertThat(conversations.find("pi-2/research")).isEmpty();
  }

  @Test
  void should_send_the_opening_and_the_count_and_keep_a_refusals_reason() throws Exception {
    conversations.open("pi-1/research", "pi-1", "research", KEPT.prompt());
    conversations.countModelCall("pi-1/research");

    assertThat(
            SPRING
                .readTree(bodies.get("/api/agent-conversations"))
                .path("prompt")
                .path("user")
                .asText())
        .isEqualTo("goal");
    assertThat(bodies.get("/api/agent-conversations/model-calls")).contains("pi-1/research");
    assertThatThrownBy(
            () ->
                conversations.keepTurn(
                    "pi-1/research", "act-1", KEPT.messages(), Usage.NONE, BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a turn needs conversationId");
  }
}
