package io.baton.models.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator as Baton meets it: through langchain4j's real OpenAI client. */
class OpenAiSimulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenAiSimulator simulator =
      new OpenAiSimulator().requireApiKey("test").models("sim-small", "sim-large").start();

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void should_answer_with_the_scripted_text_and_report_token_usage() {
    simulator.when(Match.userContains("invoice")).reply("INVOICE");

    ChatResponse response =
        model("sim-small")
            .chat(
                ChatRequest.builder()
                    .messages(
                        SystemMessage.from("Classify the message."),
                        UserMessage.from("Please pay invoice 42 by Friday"))
                    .build());

    assertThat(response.aiMessage().text()).isEqualTo("INVOICE");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    TokenUsage usage = response.tokenUsage();
    assertThat(usage.inputTokenCount()).isPositive();
    assertThat(usage.outputTokenCount()).isPositive();
    assertThat(usage.totalTokenCount())
        .isEqualTo(usage.inputTokenCount() + usage.outputTokenCount());

    RecordedRequest sent = simulator.requests().get(0);
    assertThat(sent.model()).isEqualTo("sim-small");
    assertThat(sent.messages())
        .containsExactly(
            new RecordedRequest.Message("system", "Classify the message."),
            new RecordedRequest.Message("user", "Please pay invoice 42 by Friday"));
    assertThat(sent.responseFormat()).isEqualTo("text");
    assertThat(sent.hasTools()).isFalse();
    assertThat(sent.receivedAt()).isNotNull();
  }

  @Test
  void should_answer_what_no_rule_matches_with_the_default_reply() {
    simulator.when(Match.userContains("invoice")).reply("INVOICE");

    assertThat(model("sim-small").chat("Hello")).isEqualTo("simulated reply");

    simulator.otherwise().reply("OTHER");
    assertThat(model("sim-small").chat("Hello")).isEqualTo("OTHER");
  }

  @Test
  void should_use_the_first_rule_that_matches_the_message_and_the_model() {
    simulator.when(Match.userMatches("order #\\d+")).forModel("sim-large").reply("large");
    simulator.when(Match.userMatches("order #\\d+")).reply("any model");

    assertThat(model("sim-large").chat("Where is order #123?")).isEqualTo("large");
    assertThat(model("sim-small").chat("Where is order #123?")).isEqualTo("any model");
    assertThat(model("sim-large").chat("Where is my order?")).isEqualTo("simulated reply");
    assertThat(simulator.requestsFor("sim-large")).hasSize(2);
    assertThat(simulator.requestsFor("sim-small")).hasSize(1);
  }

  @Test
  void should_answer_json_mode_with_the_scripted_document() throws Exception {
    simulator.when(Match.anyRequest()).replyJson("{\"label\":\"INVOICE\",\"confidence\":0.9}");

    ChatResponse response =
        model("sim-small")
            .chat(
                ChatRequest.builder()
                    .messages(UserMessage.from("Please pay invoice 42"))
                    .responseFormat(ResponseFormat.JSON)
                    .build());

    assertThat(JSON.readTree(response.aiMessage().text()).get("label").asText())
        .isEqualTo("INVOICE");
    assertThat(simulator.requests().get(0).responseFormat()).isEqualTo("json_object");
  }

  @Test
  void should_record_the_json_schema_that_was_asked_for() {
    JsonSchema schema =
        JsonSchema.builder()
            .name("classification")
            .rootElement(JsonObjectSchema.builder().addStringProperty("label").build())
            .build();
    simulator.when(Match.anyRequest()).wrongSchema("{\"category\":\"INVOICE\"}");

    ChatResponse response =
        model("sim-small")
            .chat(
                ChatRequest.builder()
                    .messages(UserMessage.from("Please pay invoice 42"))
                    .responseFormat(
                        ResponseFormat.builder()
                            .type(ResponseFormatType.JSON)
                            .jsonSchema(schema)
                            .build())
                    .build());

    assertThat(response.aiMessage().text()).isEqualTo("{\"category\":\"INVOICE\"}");
    RecordedRequest sent = simulator.requests().get(0);
    assertThat(sent.responseFormat()).isEqualTo("json_schema");
    assertThat(sent.body().at("/response_format/json_schema/name").asText())
        .isEqualTo("classification");
  }

  @Test
  void should_return_a_scripted_tool_call_as_a_tool_execution_request() {
    ToolSpecification lookup =
        ToolSpecification.builder()
            .name("lookup_invoice")
            .description("Finds an invoice by its number")
            .parameters(
                JsonObjectSchema.builder().addStringProperty("number").required("number").build())
            .build();
    simulator
        .when(Match.userContains("invoice"))
        .times(1)
        .replyToolCall("lookup_invoice", "{\"number\":\"42\"}");
    simulator.when(Match.userContains("invoice")).reply("Invoice 42 is paid.");
    UserMessage question = UserMessage.from("Is invoice 42 paid?");

    ChatResponse first =
        model("sim-small")
            .chat(ChatRequest.builder().messages(question).toolSpecifications(lookup).build());

    assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    ToolExecutionRequest call = first.aiMessage().toolExecutionRequests().get(0);
    assertThat(call.name()).isEqualTo("lookup_invoice");
    assertThat(call.arguments()).isEqualTo("{\"number\":\"42\"}");
    assertThat(call.id()).isNotBlank();

    ChatResponse second =
        model("sim-small")
            .chat(
                ChatRequest.builder()
                    .messages(
                        question, first.aiMessage(), ToolExecutionResultMessage.from(call, "paid"))
                    .toolSpecifications(lookup)
                    .build());

    assertThat(second.aiMessage().text()).isEqualTo("Invoice 42 is paid.");
    RecordedRequest followUp = simulator.requests().get(1);
    assertThat(followUp.tools()).containsExactly("lookup_invoice");
    assertThat(followUp.messages())
        .extracting(RecordedRequest.Message::role)
        .containsExactly("user", "assistant", "tool");
  }

  @Test
  void should_surface_429_as_rate_limit_exception_with_the_wait_only_in_the_error_message() {
    simulator.when(Match.anyRequest()).retryAfter(Duration.ofSeconds(7)).failWith(429);

    Throwable thrown = catchThrowable(() -> model("sim-small").chat("Hello"));

    assertThat(thrown).isExactlyInstanceOf(RateLimitException.class);
    // langchain4j keeps the status and the body, not the headers: Retry-After is lost on the way
    assertThat(thrown.getCause()).isExactlyInstanceOf(HttpException.class);
    HttpException http = (HttpException) thrown.getCause();
    assertThat(http.statusCode()).isEqualTo(429);
    assertThat(http.getMessage()).contains("Please try again in 7s.");
  }

  @Test
  void should_send_retry_after_with_429() throws Exception {
    simulator.when(Match.anyRequest()).retryAfter(Duration.ofSeconds(7)).failWith(429);

    HttpResponse<String> response = post("{\"model\":\"sim-small\",\"messages\":[]}");

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(JSON.readTree(response.body()).at("/error/code").asText())
        .isEqualTo("rate_limit_exceeded");
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 503})
  void should_surface_server_errors_as_internal_server_exception(int status) {
    simulator.when(Match.anyRequest()).failWith(status);

    assertThatThrownBy(() -> model("sim-small").chat("Hello"))
        .isExactlyInstanceOf(InternalServerException.class)
        .cause()
        .isInstanceOfSatisfying(
            HttpException.class, e -> assertThat(e.statusCode()).isEqualTo(status));
  }

  @Test
  void should_time_out_when_the_simulator_never_answers() {
    simulator.when(Match.anyRequest()).timeout();
    long start = System.nanoTime();

    assertThatThrownBy(() -> model("sim-small", Duration.ofMillis(300)).chat("Hello"))
        .isExactlyInstanceOf(TimeoutException.class)
        .hasCauseInstanceOf(HttpTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void should_fail_with_a_plain_runtime_exception_on_a_response_that_is_not_openai_json() {
    simulator.when(Match.anyRequest()).malformedResponse();

    Throwable thrown = catchThrowable(() -> model("sim-small").chat("Hello"));

    // not a LangChain4jException: a catch of those alone lets this one through
    assertThat(thrown)
        .isExactlyInstanceOf(RuntimeException.class)
        .hasCauseInstanceOf(JsonParseException.class);
  }

  @Test
  void should_deliver_truncated_json_as_text_that_does_not_parse() {
    simulator.when(Match.anyRequest()).truncatedJson();

    ChatResponse response =
        model("sim-small")
            .chat(
                ChatRequest.builder()
                    .messages(UserMessage.from("Classify: please pay invoice 42"))
                    .responseFormat(ResponseFormat.JSON)
                    .build());

    assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(response.aiMessage().text()).startsWith("{\"label\"");
    assertThatThrownBy(() -> JSON.readTree(response.aiMessage().text()))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void should_deliver_prose_when_asked_for_malformed_json() {
    simulator.when(Match.anyRequest()).malformedJson();

    String text = model("sim-small").chat("Classify: please pay invoice 42");

    assertThatThrownBy(() -> JSON.readTree(text)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void should_fail_the_first_call_and_answer_the_second() {
    simulator.when(Match.userContains("invoice")).times(1).failWith(500);
    simulator.when(Match.userContains("invoice")).reply("INVOICE");
    ChatModel model = model("sim-small");

    assertThatThrownBy(() -> model.chat("Please pay invoice 42"))
        .isInstanceOf(InternalServerException.class);
    assertThat(model.chat("Please pay invoice 42")).isEqualTo("INVOICE");
    assertThat(simulator.requestsFor("sim-small")).hasSize(2);
  }

  @Test
  void should_see_langchain4j_retry_by_itself_when_max_retries_allows_it() {
    simulator.when(Match.anyRequest()).times(1).failWith(500);
    ChatModel retrying =
        OpenAiChatModel.builder()
            .baseUrl(simulator.baseUrl())
            .apiKey("test")
            .modelName("sim-small")
            .maxRetries(1)
            .build();

    assertThat(retrying.chat("Hello")).isEqualTo("simulated reply");
    assertThat(simulator.requests()).hasSize(2);
  }

  @Test
  void should_refuse_a_wrong_api_key() {
    ChatModel wrongKey =
        OpenAiChatModel.builder()
            .baseUrl(simulator.baseUrl())
            .apiKey("wrong")
            .modelName("sim-small")
            .maxRetries(0)
            .build();

    assertThatThrownBy(() -> wrongKey.chat("Hello"))
        .isExactlyInstanceOf(AuthenticationException.class);
  }

  @Test
  void should_answer_after_the_latency_without_a_thread_per_call() {
    simulator.when(Match.anyRequest()).after(Duration.ofMillis(500)).reply("late");
    ChatModel model = model("sim-small");
    int calls = 40; // one at a time on the simulator's 4 handler threads would take 5 s
    ExecutorService callers = Executors.newFixedThreadPool(calls);
    long start = System.nanoTime();
    try {
      List<CompletableFuture<String>> replies =
          IntStream.range(0, calls)
              .mapToObj(i -> CompletableFuture.supplyAsync(() -> model.chat("Hello " + i), callers))
              .toList();

      assertThat(replies).allSatisfy(reply -> assertThat(reply.join()).isEqualTo("late"));
    } finally {
      callers.shutdownNow();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    assertThat(elapsed).isBetween(Duration.ofMillis(500), Duration.ofSeconds(4));
  }

  @Test
  void should_list_its_models() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/models")).build(),
                HttpResponse.BodyHandlers.ofString());

    JsonNode models = JSON.readTree(response.body()).get("data");
    assertThat(models)
        .extracting(m -> m.get("id").asText())
        .containsExactly("sim-small", "sim-large");
  }

  @Test
  void should_forget_rules_and_requests_on_reset() {
    simulator.when(Match.anyRequest()).reply("scripted");
    model("sim-small").chat("Hello");

    simulator.reset();

    assertThat(simulator.requests()).isEmpty();
    assertThat(model("sim-small").chat("Hello")).isEqualTo("simulated reply");
  }

  private HttpResponse<String> post(String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer test")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private ChatModel model(String name) {
    return model(name, Duration.ofSeconds(5));
  }

  private ChatModel model(String name, Duration timeout) {
    return OpenAiChatModel.builder()
        .baseUrl(simulator.baseUrl())
        .apiKey("test")
        .modelName(name)
        .timeout(timeout)
        .maxRetries(0)
        .build();
  }
}
