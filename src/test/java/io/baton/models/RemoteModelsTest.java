package io.baton.models;

import static io.baton.models.TestModels.policy;
import static io.baton.models.TestModels.remote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.baton.models.simulator.Match;
import io.baton.models.simulator.OpenAiSimulator;
import io.baton.models.simulator.RecordedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Remote models through langchain4j's real OpenAI client against the simulator: answers, audit
 * records, fallback, cascade and the circuit breaker.
 */
class RemoteModelsTest {

  private static final List<LabelExamples> LABELS =
      List.of(
          new LabelExamples(
              "ORDER_STATUS", List.of("Where is my order?", "My parcel has not arrived")),
          new LabelExamples(
              "REFUND", List.of("I want my money back", "Please refund my purchase")));
  private static final CallSite SITE = new CallSite("pi-1", "classify", "task-1");

  private final OpenAiSimulator simulator = new OpenAiSimulator().requireApiKey("test").start();
  private final TestModels models = new TestModels();

  @AfterEach
  void stop() {
    simulator.close();
  }

  private ModelRegistry registry(Consumer<Map<String, ModelSettings>> more) {
    Map<String, ModelSettings> settings = new LinkedHashMap<>();
    settings.put("local", ModelSettings.of("local"));
    settings.put("small", remote("openai", "sim-small", simulator.baseUrl(), "test"));
    settings.put("large", remote("openai", "sim-large", simulator.baseUrl(), "test"));
    more.accept(settings);
    return models.registry(settings);
  }

  private static ModelTask.Classify classify(String text) {
    return new ModelTask.Classify(text, LABELS, SITE);
  }

  @Test
  void should_classify_with_a_remote_model_and_record_the_call() {
    simulator
        .when(Match.userContains("parcel"))
        .replyJson(
            "{\"label\":\"ORDER_STATUS\",\"confidence\":0.92,\"rationale\":\"asks where it is\"}");

    Classification result =
        registry(s -> {}).get("small").classify(classify("Where is my parcel?"));

    assertThat(result.label()).isEqualTo("ORDER_STATUS");
    assertThat(result.confidence()).isEqualTo(0.92);
    assertThat(result.rationale()).isEqualTo("asks where it is");
    assertThat(simulator.requestsFor("sim-small"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.responseFormat()).isEqualTo("json_object");
              assertThat(r.streamed()).as("asked without holding a thread").isTrue();
            });
    assertThat(models.calls)
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.model()).isEqualTo("small");
              assertThat(call.provider()).isEqualTo("openai");
              assertThat(call.providerModel()).isEqualTo("sim-small");
              assertThat(call.promptId()).isEqualTo("baton-classify");
              assertThat(call.promptVersion()).isEqualTo(2);
              assertThat(call.inputTokens()).isPositive();
              assertThat(call.outputTokens()).isPositive();
              assertThat(call.cost()).isPositive();
              assertThat(call.outcome()).isEqualTo("OK");
              assertThat(call.inputHash()).hasSize(64);
              assertThat(call.processInstanceId()).isEqualTo("pi-1");
              assertThat(call.activityId()).isEqualTo("classify");
            });
  }

  @Test
  void should_send_what_the_process_knows_from_before_after_the_text_and_nothing_without_it() {
    simulator
        .when(Match.userContains("Text to classify"))
        .replyJson("{\"label\":\"ORDER_STATUS\",\"confidence\":0.9,\"rationale\":\"r\"}");
    Model small = registry(s -> {}).get("small");

    small.classify(
        new ModelTask.Classify(
            "Where is my parcel?",
            LABELS,
            null,
            "Earlier cases of the same customerId, newest first:\n- REFUND_REQUEST, open",
            SITE));
    small.classify(classify("Where is my parcel?"));

    assertThat(simulator.requestsFor("sim-small"))
        .extracting(RecordedRequest::lastUserMessage)
        .satisfiesExactly(
            with ->
                assertThat(with)
                    .endsWith(
                        "\"\"\"\n\nEarlier cases of the same customerId, newest first:\n"
                            + "- REFUND_REQUEST, open"),
            without -> assertThat(without).endsWith("Where is my parcel?\n\"\"\""));
  }

  @Test
  void should_hold_many_calls_in_flight_on_one_thread() throws Exception {
    simulator
        .when(Match.userContains("parcel"))
        // long enough for all of them to be sent before the first answer
        .after(Duration.ofSeconds(5))
        .replyJson("{\"label\":\"ORDER_STATUS\",\"confidence\":0.9,\"rationale\":\"r\"}");
    Model small =
        registry(
                s ->
                    s.put(
                        "patient",
                        remote(
                            "openai",
                            "sim-small",
                            simulator.baseUrl(),
                            "test",
                            Duration.ofMinutes(1))))
            .get("patient");
    ExecutorService oneThread = Executors.newSingleThreadExecutor();
    try {
      List<CompletableFuture<Classification>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(
            small
                .classifyAsync(classify("Where is parcel " + i + "?"), oneThread)
                .toCompletableFuture());
      }

      await().atMost(Duration.ofSeconds(30)).until(() -> simulator.inFlight() == 200);
      assertThat(calls.stream().map(CompletableFuture::join))
          .hasSize(200)
          .allSatisfy(c -> assertThat(c.label()).isEqualTo("ORDER_STATUS"));
      assertThat(simulator.peakInFlight()).isEqualTo(200);
      assertThat(models.calls)
          .hasSize(200)
          .allSatisfy(c -> assertThat(c.outcome()).isEqualTo("OK"));
    } finally {
      oneThread.shutdownNow();
    }
  }

  @Test
  void should_stop_asking_priced_models_once_a_case_has_spent_its_budget() {
    simulator
        .when(Match.userContains("parcel"))
        .replyJson("{\"label\":\"ORDER_STATUS\",\"confidence\":0.9,\"rationale\":\"r\"}");
    ModelRegistry registry =
        registry(s -> s.put("small-or-local", policy("fallback", null, "small", "local")));

    registry.get("small").classify(classify("Where is my parcel?"));
    // the budget leaves room for what was spent and a little less than one more call's worst case
    BudgetClaim first = models.claims.get(0);
    assertThat(first.worstCaseCost()).isGreaterThan(models.calls.get(0).cost());
    models.perCase =
        models.calls.get(0).cost().add(first.worstCaseCost()).subtract(new BigDecimal("0.0001"));
    assertThatThrownBy(() -> registry.get("small").classify(classify("My parcel, again?")))
        .isInstanceOf(BudgetExceededException.class)
        .hasMessageContaining("pi-1")
        .hasMessageContaining("baton.budgets.per-case");
    Classification degraded =
        registry.get("small-or-local").classify(classify("My parcel has still not arrived"));
    assertThat(degraded.model()).isEqualTo("local");
    Classification otherCase =
        registry
            .get("small")
            .classify(
                new ModelTask.Classify(
                    "Where is my parcel?", LABELS, new CallSite("pi-2", "classify", "task-2")));
    assertThat(otherCase.model()).isEqualTo("small");
    assertThat(simulator.requests()).hasSize(2);
    assertThat(models.calls)
        .extracting(ModelCallRecord::model, ModelCallRecord::outcome)
        .containsExactly(
            tuple("small", "OK"),
            tuple("small", "BUDGET_EXCEEDED"),
            tuple("small", "BUDGET_EXCEEDED"),
            tuple("local", "OK"),
            tuple("small", "OK"));
    assertThatThrownBy(
            () ->
                registry(s -> s.put("priced-chain", policy("fallback", null, "small", "large")))
                    .get("priced-chain")
                    .classify(classify("Where is my parcel, please?")))
        .as("a chain whose every model is over the budget says so, not 'try again later'")
        .isInstanceOf(BudgetExceededException.class);
  }

  @Test
  void should_keep_personal_data_on_the_machine_and_restore_it_in_the_answer() {
    simulator
        .when(Match.userContains("[EMAIL_1]"))
        .replyJson("{\"contact\": \"[EMAIL_1]\", \"iban\": \"[IBAN_1]\"}");
    String document =
        "Invoice 17. Pay to DE89 3704 0044 0532 0130 00. Questions: jane.doe@example.com";
    String schema =
        "{\"type\": \"object\", \"properties\": {\"contact\": {\"type\": \"string\"},"
            + " \"iban\": {\"type\": \"string\"}}}";

    Extraction extraction =
        registry(s -> {})
            .get("small")
            .extract(new ModelTask.Extract(document, schema, List.of(), SITE));

    assertThat(simulator.requests())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.lastUserMessage())
                    .contains("[IBAN_1]", "[EMAIL_1]")
                    .doesNotContain("jane.doe", "3704"));
    assertThat(extraction.json())
        .isEqualTo(
            "{\"contact\": \"jane.doe@example.com\", \"iban\": \"DE89 3704 0044 0532 0130 00\"}");
  }

  @Test
  void should_send_personal_data_to_a_model_that_is_allowed_to_see_it() {
    simulator.otherwise().reply("ok");
    ModelSettings small = remote("openai", "sim-small", simulator.baseUrl(), "test");
    ModelSettings trusted =
        new ModelSettings(
            small.provider(),
            small.modelName(),
            small.endpoint(),
            small.apiKey(),
            small.timeout(),
            null,
            null,
            null,
            null,
            null,
            true,
            null,
            null);

    registry(s -> s.put("on-premises", trusted))
        .get("on-premises")
        .ask(
            new ModelTask.Ask(
                new RenderedPrompt(
                    new PromptRef("free", 1), null, "Write to jane.doe@example.com", false),
                SITE));

    assertThat(simulator.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.lastUserMessage()).contains("jane.doe@example.com"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"429", "500", "503", "timeout", "malformed-response"})
  void should_fall_back_to_the_next_model_when_the_first_cannot_answer(String failure) {
    var rule = simulator.when(Match.anyRequest()).forModel("sim-small");
    switch (failure) {
      case "timeout" -> rule.timeout();
      case "malformed-response" -> rule.malformedResponse();
      default -> rule.failWith(Integer.parseInt(failure));
    }
    ModelRegistry registry =
        registry(s -> s.put("chain", policy("fallback", null, "small", "local")));

    Classification result = registry.get("chain").classify(classify("My parcel has not arrived"));

    assertThat(result.model()).isEqualTo("local");
    assertThat(result.label()).isEqualTo("ORDER_STATUS");
    assertThat(models.calls)
        .extracting(ModelCallRecord::model, ModelCallRecord::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("small", "UNAVAILABLE"),
            org.assertj.core.groups.Tuple.tuple("local", "OK"));
    assertThat(models.calls.get(0).error()).contains("model 'small' is unavailable");
  }

  @Test
  void should_pass_on_the_wait_a_rate_limited_provider_asks_for() {
    simulator.when(Match.anyRequest()).retryAfter(Duration.ofSeconds(7)).failWith(429);
    Model small = registry(s -> {}).get("small");

    assertThatThrownBy(() -> small.classify(classify("Where is my parcel?")))
        .isInstanceOfSatisfying(
            ModelUnavailableException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)))
        .hasMessageContaining("rate limited (HTTP 429), retry after 7 s");
  }

  @Test
  void should_ask_for_no_particular_wait_after_a_server_error_without_retry_after() {
    simulator.when(Match.anyRequest()).failWith(500);
    Model small = registry(s -> {}).get("small");

    assertThatThrownBy(() -> small.classify(classify("Where is my parcel?")))
        .isInstanceOfSatisfying(
            ModelUnavailableException.class, e -> assertThat(e.retryAfter()).isNull());
  }

  @Test
  void should_say_why_when_no_model_of_a_chain_can_answer() {
    simulator.when(Match.anyRequest()).failWith(500);
    ModelRegistry registry =
        registry(s -> s.put("chain", policy("fallback", null, "small", "large")));

    assertThatThrownBy(() -> registry.get("chain").classify(classify("Where is my parcel?")))
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageContaining("no model of fallback chain 'chain' could answer")
        .hasMessageContaining("'small'")
        .hasMessageContaining("'large'");
  }

  @Test
  void should_stop_calling_a_failing_provider_once_its_circuit_opens() {
    simulator.when(Match.anyRequest()).forModel("sim-small").failWith(500);
    ModelRegistry registry =
        registry(s -> s.put("chain", policy("fallback", null, "small", "local")));
    Model chain = registry.get("chain");

    for (int i = 0; i < 6; i++) {
      assertThat(chain.classify(classify("Where is my parcel?")).model()).isEqualTo("local");
    }

    // the breaker opened after 4 failed calls (minimum calls 4, 50 %): the provider saw no more
    assertThat(simulator.requestsFor("sim-small")).hasSize(4);
    assertThat(registry.breakerState("small")).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(models.calls)
        .filteredOn(c -> c.model().equals("small"))
        .extracting(ModelCallRecord::outcome)
        .containsExactly(
            "UNAVAILABLE",
            "UNAVAILABLE",
            "UNAVAILABLE",
            "UNAVAILABLE",
            "CIRCUIT_OPEN",
            "CIRCUIT_OPEN");
  }

  @Test
  void should_ask_the_better_model_when_the_cheap_one_is_unsure() {
    simulator
        .when(Match.anyRequest())
        .forModel("sim-small")
        .replyJson("{\"label\":\"REFUND\",\"confidence\":0.41,\"rationale\":\"maybe\"}");
    simulator
        .when(Match.anyRequest())
        .forModel("sim-large")
        .replyJson(
            "{\"label\":\"ORDER_STATUS\",\"confidence\":0.88,\"rationale\":\"asks where it is\"}");
    ModelRegistry registry =
        registry(s -> s.put("cheap-first", policy("cascade", 0.75, "small", "large")));

    Classification result = registry.get("cheap-first").classify(classify("Where is my parcel?"));

    assertThat(result.model()).isEqualTo("large");
    assertThat(result.label()).isEqualTo("ORDER_STATUS");
    assertThat(models.calls).extracting(ModelCallRecord::model).containsExactly("small", "large");
    assertThat(models.calls).allSatisfy(c -> assertThat(c.outcome()).isEqualTo("OK"));
  }

  @Test
  void should_keep_the_cheap_answer_when_it_is_sure_enough() {
    simulator
        .when(Match.anyRequest())
        .forModel("sim-small")
        .replyJson("{\"label\":\"ORDER_STATUS\",\"confidence\":0.9,\"rationale\":\"clear\"}");
    ModelRegistry registry =
        registry(s -> s.put("cheap-first", policy("cascade", 0.75, "small", "large")));

    assertThat(registry.get("cheap-first").classify(classify("Where is my parcel?")).model())
        .isEqualTo("small");
    assertThat(simulator.requestsFor("sim-large")).isEmpty();
  }

  @Test
  void should_escalate_malformed_output_in_a_cascade() {
    simulator.when(Match.anyRequest()).forModel("sim-small").truncatedJson();
    simulator
        .when(Match.anyRequest())
        .forModel("sim-large")
        .replyJson("{\"label\":\"REFUND\",\"confidence\":0.8,\"rationale\":\"wants money back\"}");
    ModelRegistry registry =
        registry(s -> s.put("cheap-first", policy("cascade", 0.75, "small", "large")));

    Classification result = registry.get("cheap-first").classify(classify("Refund me please"));

    assertThat(result.model()).isEqualTo("large");
    assertThat(models.calls)
        .extracting(ModelCallRecord::outcome)
        .containsExactly("INVALID_OUTPUT", "OK");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "truncated",
        "malformed",
        "unknown-label",
        "no-confidence",
        "trailing-text",
        "duplicate-key"
      })
  void should_never_pass_on_malformed_output_as_a_classification(String kind) {
    var rule = simulator.when(Match.anyRequest());
    switch (kind) {
      case "truncated" -> rule.truncatedJson();
      case "malformed" -> rule.malformedJson();
      case "unknown-label" -> rule.wrongSchema("{\"label\":\"CANCEL\",\"confidence\":0.9}");
      case "trailing-text" ->
          rule.reply("{\"label\":\"REFUND\",\"confidence\":0.9} Actually ORDER_STATUS");
      case "duplicate-key" ->
          rule.reply("{\"label\":\"REFUND\",\"label\":\"ORDER_STATUS\",\"confidence\":0.9}");
      default -> rule.wrongSchema("{\"label\":\"REFUND\"}");
    }
    Model small = registry(s -> {}).get("small");

    assertThatThrownBy(() -> small.classify(classify("Refund me")))
        .isInstanceOf(ModelOutputException.class)
        .hasMessageStartingWith("model 'small' answered");
    assertThat(models.calls)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.outcome()).isEqualTo("INVALID_OUTPUT");
              // the provider answered and charges for it: the audit and the budget count it
              assertThat(c.outputTokens()).isPositive();
              assertThat(c.cost()).isPositive();
              assertThat(c.promptId()).isEqualTo("baton-classify");
            });
  }

  @Test
  void should_refuse_a_free_prompt_on_the_offline_model() {
    Model local = registry(s -> {}).get("local");
    RenderedPrompt prompt = new RenderedPrompt(new PromptRef("p", 1), null, "Hi", false);

    assertThatThrownBy(() -> local.ask(new ModelTask.Ask(prompt, SITE)))
        .isInstanceOf(ModelNotGenerativeException.class)
        .hasMessageContaining("model 'local' is not generative");
  }

  @Test
  void should_give_the_timeout_as_the_reason() {
    simulator.when(Match.anyRequest()).timeout();
    Model small = registry(s -> {}).get("small");
    long start = System.nanoTime();

    assertThatThrownBy(() -> small.classify(classify("Where is my parcel?")))
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageContaining("timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }
}
