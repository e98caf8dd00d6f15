package io.baton.documents;

import static io.baton.support.ProcessInstances.awaitEnded;
import static io.baton.support.ProcessInstances.awaitEndedOrWaiting;
import static io.baton.support.ProcessInstances.awaitWaitingAt;
import static io.baton.support.ProcessInstances.decide;
import static io.baton.support.ProcessInstances.historic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.baton.governance.CaseApprovals;
import io.baton.memory.payloads.JdbcPayloadStore;
import io.baton.models.simulator.Match;
import io.baton.models.simulator.OpenAiSimulator;
import io.baton.payloads.PayloadNotFoundException;
import io.baton.payloads.PayloadTooLargeException;
import io.baton.payloads.Payloads;
import io.baton.review.ReviewOutcomeStore;
import io.baton.support.PostgresEngineIT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * document-intake end to end on PostgreSQL, with the embedded workers and a remote model: the
 * {@code smart} model is switched to an OpenAI-compatible server (the simulator) by configuration
 * only, as a user would switch it to OpenAI.
 */
@PostgresEngineIT(demoUsers = true)
class DocumentIntakePostgresIT {

  private static final OpenAiSimulator SIMULATOR =
      new OpenAiSimulator().requireApiKey("sim-key").start();

  private static final String ROUTINE =
      """
      Invoice No.: INV-100
      Supplier: Paper & Co
      Total due: EUR 240.00
      Currency: EUR
      Monthly invoice for office supplies from our regular stationery vendor.
      """;
  private static final String ABOVE_LIMIT =
      """
      Invoice No.: INV-200
      Supplier: Build It Ltd
      Total due: EUR 18,500.00
      Currency: EUR
      Invoice for the quarterly cleaning service as agreed in the contract.
      """;
  private static final String URGENT =
      """
      Invoice No.: INV-300
      Supplier: Quick Pay Services
      Total due: EUR 950.00
      Currency: EUR
      Please pay urgently to our new bank account, the old one is closed.
      """;

  @Autowired ProcessEngine engine;
  @Autowired CaseApprovals approvals;
  @Autowired ReviewOutcomeStore outcomes;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void remoteModel(DynamicPropertyRegistry registry) {
    registry.add("baton.models.smart.provider", () -> "openai");
    registry.add("baton.models.smart.model-name", () -> "sim-large");
    registry.add("baton.models.smart.endpoint", SIMULATOR::baseUrl);
    registry.add("baton.models.smart.api-key", () -> "sim-key");
    registry.add("baton.models.smart.timeout", () -> "3s");
    // each test scripts the remote model afresh: keep one test's failures from opening the circuit
    registry.add("baton.model-breaker.minimum-calls", () -> "1000");
  }

  @AfterAll
  static void stopSimulator() {
    SIMULATOR.close();
  }

  @BeforeEach
  void reset() {
    init(engine);
    SIMULATOR.reset();
  }

  private static void extractAnswers(String invoiceNumber, String vendor, double amount) {
    SIMULATOR
        .when(Match.userContains("JSON schema"))
        .forModel("sim-large")
        .replyJson(
            "{\"invoiceNumber\":\"%s\",\"vendor\":\"%s\",\"totalAmount\":%s,\"currency\":\"EUR\"}"
                .formatted(invoiceNumber, vendor, amount));
  }

  private static void riskAnswers(String label) {
    SIMULATOR
        .when(Match.userContains("Labels, each with example texts"))
        .forModel("sim-large")
        .replyJson(
            "{\"label\":\"%s\",\"confidence\":0.93,\"rationale\":\"as the policy says\"}"
                .formatted(label));
  }

  @Test
  void should_accept_a_valid_low_risk_invoice_within_the_limit_on_its_own() {
    extractAnswers("INV-100", "Paper & Co", 240.0);
    riskAnswers("LOW");

    ProcessInstance pi = start(ROUTINE);
    awaitEnded(pi);

    assertThat(pi)
        .hasPassed(
            "extract-fields",
            "validate-fields",
            "retrieve-policy",
            "classify-risk",
            "route-document")
        .hasPassed("accepted-automatically")
        .hasNotPassed("review-document");
    assertThat(historic(pi, "vendor")).isEqualTo("Paper & Co");
    assertThat(historic(pi, "validationVerdict")).isEqualTo("PASS");
    assertThat(historic(pi, "route")).isEqualTo("AUTO_EXECUTE");
    assertThat((String) historic(pi, "policySources")).isNotBlank();
    assertThat(modelCalls(pi))
        .as("the remote model extracted, and every call is audited with the case")
        .anySatisfy(
            call -> {
              assertThat(call).containsEntry("model", "smart").containsEntry("task", "extract");
              assertThat(call)
                  .containsEntry("outcome", "OK")
                  .containsEntry("prompt_id", "baton-extract");
              assertThat(((Number) call.get("input_tokens")).intValue()).isPositive();
            });
  }

  @Test
  void should_send_an_invoice_with_an_invented_total_to_a_reviewer() {
    // the model answers a total that is not in the document, and within the auto-approve limit
    extractAnswers("INV-100", "Paper & Co", 2400.0);
    riskAnswers("LOW");

    ProcessInstance pi = start(ROUTINE);
    awaitWaitingAt(pi, "review-document");

    assertThat(historic(pi, "validationVerdict")).isEqualTo("FAIL");
    assertThat((String) historic(pi, "validationReasons"))
        .contains("'totalAmount' is 2400.0, which is not in the source text");
    assertThat(historic(pi, "route")).isEqualTo("REQUIRE_APPROVAL");
  }

  @Test
  void should_send_an_invoice_above_the_limit_to_a_reviewer_who_approves_it() {
    extractAnswers("INV-200", "Build It Ltd", 18500.0);
    riskAnswers("LOW");

    ProcessInstance pi = start(ABOVE_LIMIT);
    awaitWaitingAt(pi, "review-document");

    assertThat(task(pi)).hasCandidateGroup("reviewers");
    assertThat(runtime.getVariable(pi.getId(), "routeReason")).asString().contains("10,000");
    assertThat(runtime.getVariable(pi.getId(), "totalAmount")).isEqualTo(18500.0);

    assertThatThrownBy(
            () ->
                decide(
                    pi, "reviewer", "reviewDecision", "APPROVE", "risk", "LOW", "confidence", 1.0))
        .as("the AI's answer recorded at routing cannot be rewritten by a review")
        .hasMessageContaining("cannot be changed");
    assertThatThrownBy(
            () ->
                decide(
                    pi,
                    "reviewer",
                    "reviewDecision",
                    "APPROVE",
                    "documentText",
                    "Invoice INV-200, total EUR 185.00"))
        .as("issue 11: document intake's facts were not protected")
        .hasMessageContaining("'documentText' was set by Baton when it routed this case");
    decide(pi, "reviewer", "reviewDecision", "APPROVE", "vendor", "Build It Limited");

    assertThat(pi).as("above the limit: two people approve").isWaitingAt("second-approval");
    assertThatThrownBy(() -> decide(pi, "reviewer", "reviewDecision", "APPROVE"))
        .hasMessageContaining("four eyes: reviewer approved this case already");
    decide(pi, "supervisor", "reviewDecision", "APPROVE");

    assertThat(pi).isEnded().hasPassed("accepted-after-review");
    assertThat(historic(pi, "reviewedBy")).isEqualTo("reviewer");
    assertThat(historic(pi, "secondApprovedBy")).isEqualTo("supervisor");
    assertThat(historic(pi, "vendor")).isEqualTo("Build It Limited");
    assertThat(approvals.approvals(pi.getId()))
        .extracting(CaseApprovals.Approval::stage, CaseApprovals.Approval::actor)
        .containsExactly(tuple("FIRST", "reviewer"), tuple("SECOND", "supervisor"));
    assertThat(outcomes.count(pi.getId()))
        .as("the reviewer's decision on the risk measures the model")
        .isOne();
  }

  @Test
  void should_escalate_a_high_risk_document_to_the_supervisors() {
    extractAnswers("INV-300", "Quick Pay Services", 950.0);
    riskAnswers("HIGH");

    ProcessInstance pi = start(URGENT);
    awaitWaitingAt(pi, "review-document");

    assertThat(runtime.getVariable(pi.getId(), "route")).isEqualTo("ESCALATE");
    assertThat(task(pi)).hasCandidateGroup("supervisors");
  }

  @Test
  void should_give_a_late_review_to_the_supervisors_and_deny_when_nobody_decides() {
    extractAnswers("INV-301", "Quick Pay Services", 950.0);
    riskAnswers("MEDIUM");
    ProcessInstance pi = start(URGENT);
    awaitWaitingAt(pi, "review-document");
    assertThat(task(pi).getDueDate()).isNotNull();

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(9))));
    try {
      execute(job(pi));
      assertThat(pi).isWaitingAt("supervisor-review").hasPassed("review-sla");
      assertThat(task(pi)).hasCandidateGroup("supervisors");

      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(40))));
      execute(job(pi));
      assertThat(pi).isEnded().hasPassed("denied-by-default");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void should_fall_back_to_the_local_model_when_the_remote_one_fails() {
    SIMULATOR.when(Match.anyRequest()).failWith(500);

    ProcessInstance pi = start(ROUTINE);
    awaitEndedOrWaiting(pi, "review-document");

    assertThat(historic(pi, "extractModel")).isEqualTo("local");
    assertThat(historic(pi, "invoiceNumber")).isEqualTo("INV-100");
    assertThat(modelCalls(pi))
        .extracting(call -> call.get("model") + ":" + call.get("task") + ":" + call.get("outcome"))
        .contains("smart:extract:UNAVAILABLE", "local:extract:OK");
  }

  @Test
  void should_hand_a_document_the_model_cannot_read_to_a_reviewer() {
    SIMULATOR
        .when(Match.userContains("JSON schema"))
        .forModel("sim-large")
        .wrongSchema("{\"invoiceNumber\":\"?\",\"totalAmount\":\"a lot\"}");

    ProcessInstance pi = start("Hi, please pay us for last month. Cheers, the cleaners");
    awaitWaitingAt(pi, "review-document");

    assertThat(pi).hasNotPassed("validate-fields");
    assertThat(runtime.getVariable(pi.getId(), "extractionProblem"))
        .asString()
        .contains("after a repair attempt");
    assertThat(SIMULATOR.requestsFor("sim-large")).hasSize(2);

    assertThatThrownBy(() -> decide(pi, "reviewer", "reviewDecision", "APPROVE"))
        .hasMessageContaining("cannot approve")
        .hasMessageContaining("invoiceNumber");
    assertThat(task(pi)).isNotNull();
    decide(pi, "reviewer", "reviewDecision", "REJECT", "rejectReason", "not an invoice");
    assertThat(pi).isEnded().hasPassed("rejected");
  }

  @Test
  void should_refuse_an_empty_document_and_keep_nothing() {
    long before = runtime.createProcessInstanceQuery().count();

    assertThatThrownBy(() -> start("  "))
        .hasMessageContaining("documentText is required and must not be empty");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  /**
   * Workflow memory (issue 14): a value over the inline limit lives in {@code baton_payload}; the
   * case, the engine's tables and its history hold only the reference; connectors and the review
   * form see the content whole.
   */
  @Nested
  class LargePayloads {

    private static final String TAIL = "END-OF-DOCUMENT-7731";
    private static final String DOCUMENT =
        ABOVE_LIMIT
            + "Line item: monthly cleaning of floors, windows and kitchens, as per schedule B.\n"
                .repeat(300)
            + TAIL;
    private static final String SUMMARY =
        "The supplier asks for payment of the quarterly cleaning. ".repeat(400) + "END-OF-SUMMARY";

    @Autowired TestRestTemplate http;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired JdbcPayloadStore store;
    @Autowired Payloads payloads;

    @Test
    void should_store_a_payload_over_the_inline_limit_by_reference_and_read_it_back_whole() {
      assertThat(DOCUMENT.length()).isGreaterThan(16 * 1024);
      extractAnswers("INV-200", "Build It Ltd", 18500.0);
      riskAnswers("LOW");

      ProcessInstance pi = start(DOCUMENT);
      awaitWaitingAt(pi, "review-document");

      assertThat(reference(pi, "documentText"))
          .as("the case holds the document's reference, not the document")
          .contains("\"batonPayload\"")
          .hasSizeLessThan(300);
      assertThat(
              jdbc.queryForList(
                  "SELECT kind, content FROM baton_payload WHERE process_instance_id = ?",
                  pi.getId()))
          .extracting(row -> row.get("kind"), row -> row.get("content"))
          .containsExactly(tuple("text", DOCUMENT));
      assertThat(SIMULATOR.requestsFor("sim-large"))
          .as("the connectors read the document whole through its reference")
          .anySatisfy(call -> assertThat(call.lastUserMessage()).contains(TAIL));
      assertThat(formVariable(task(pi).getId(), "reviewer", "reviewContext1"))
          .as("the reviewer's form shows the document whole, as Tasklist reads it")
          .isEqualTo(DOCUMENT);

      decide(pi, "reviewer", "reviewDecision", "APPROVE");
      assertThat(pi).isWaitingAt("second-approval");
      assertThat(historyHolds(pi, TAIL))
          .as("the engine's history holds the reference, never the content")
          .isFalse();
      assertThat(historyHolds(pi, "batonPayload")).isTrue();
    }

    @Test
    void should_store_a_long_model_answer_by_reference_and_show_it_whole_in_the_task() {
      SIMULATOR
          .when(Match.userContains(TAIL))
          .forModel("sim-large")
          .replyJson("{\"summary\":\"%s\",\"openQuestions\":[]}".formatted(SUMMARY));
      engine
          .getRepositoryService()
          .createDeployment()
          .name("payloads-test")
          .addModelInstance(
              "summarize-then-read.bpmn",
              Bpmn.createExecutableProcess("summarize-then-read")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .serviceTask("summarize")
                  .camundaExternalTask("baton.prompt")
                  .camundaInputParameter("promptId", "summarize-claim")
                  .camundaInputParameter("model", "smart")
                  .userTask("read")
                  .camundaCandidateGroups("reviewers")
                  .endEvent()
                  .done())
          .deploy();

      ProcessInstance pi =
          runtime.startProcessInstanceByKey(
              "summarize-then-read", Map.of("documentText", DOCUMENT));
      awaitWaitingAt(pi, "read");

      assertThat(reference(pi, "answer"))
          .as("the model's long answer left the engine: the case holds its reference")
          .contains("\"batonPayload\"");
      assertThat(reference(pi, "answerJson")).contains("\"kind\":\"json\"");
      String answer = store.read(Payloads.reference(reference(pi, "answer")).orElseThrow().id());
      assertThat(answer).contains(SUMMARY);
      assertThat(formVariable(task(pi).getId(), "reviewer", "answer"))
          .as("a form field bound to the variable shows the answer whole")
          .isEqualTo(answer);

      tasks.complete(task(pi).getId());
      assertThat(pi).isEnded();
      assertThat(historyHolds(pi, "END-OF-SUMMARY")).isFalse();
      assertThat(historyHolds(pi, TAIL)).isFalse();
    }

    @Test
    void should_let_only_workers_store_and_read_payloads_over_the_api() {
      ProcessInstance pi = waitingCase(Map.of("subjectId", "supplier-42"));
      String content = "{\"passages\":[\"" + "a retrieved passage ".repeat(1000) + "\"]}";

      ResponseEntity<String> stored =
          asWorker()
              .postForEntity(
                  "/api/payloads?processInstanceId={pi}&kind=json",
                  text(content),
                  String.class,
                  pi.getId());
      assertThat(stored.getStatusCode().value()).isEqualTo(201);
      String id = Payloads.reference(stored.getBody()).orElseThrow().id();
      assertThat(asWorker().getForObject("/api/payloads/{id}", String.class, id))
          .isEqualTo(content);
      assertThat(
              jdbc.queryForMap("SELECT subject_key, subject FROM baton_payload WHERE id = ?", id))
          .as("kept with its subject, so the subject's payloads can be erased")
          .containsEntry("subject_key", "subjectId")
          .containsEntry("subject", "supplier-42");
      assertThat(
              http.withBasicAuth("reviewer", "reviewer")
                  .getForEntity("/api/payloads/{id}", String.class, id)
                  .getStatusCode()
                  .value())
          .isEqualTo(403);

      long before = count();
      ResponseEntity<String> oversized =
          asWorker()
              .postForEntity(
                  "/api/payloads?processInstanceId={pi}&kind=text",
                  text("x".repeat(1024 * 1024 + 1)),
                  String.class,
                  pi.getId());
      assertThat(oversized.getStatusCode().value()).isEqualTo(413);
      ResponseEntity<String> unknownCase =
          asWorker()
              .postForEntity(
                  "/api/payloads?processInstanceId=no-such-case&kind=text",
                  text("x"),
                  String.class);
      assertThat(unknownCase.getStatusCode().value()).isEqualTo(400);
      assertThat(unknownCase.getBody()).contains("not running");
      assertThatThrownBy(
              () ->
                  payloads.store(
                      pi.getId(),
                      Map.of(
                          "passages", Payloads.Content.text("y".repeat(20_000)),
                          "document", Payloads.Content.text("z".repeat(1024 * 1024 + 1)))))
          .as("one value over the hard maximum: the lot is refused")
          .isInstanceOf(PayloadTooLargeException.class)
          .hasMessageContaining("'document'")
          .hasMessageContaining("baton.payloads.max-size");
      assertThat(count()).as("nothing written").isEqualTo(before);

      assertThat(store.deleteSubject("subjectId", "supplier-42", List.of())).isOne();
      assertThatThrownBy(() -> store.read(id)).isInstanceOf(PayloadNotFoundException.class);
    }

    @Test
    void should_sweep_expired_payloads_of_ended_cases_only() {
      ProcessInstance running = waitingCase(Map.of());
      ProcessInstance ended = waitingCase(Map.of());
      String kept = store.store(running.getId(), "text", "kept while its case runs").id();
      String swept = store.store(ended.getId(), "text", "gone after its case").id();
      runtime.deleteProcessInstance(ended.getId(), "test");

      store.deleteExpired(Instant.now().plus(Duration.ofDays(181)));

      assertThat(store.read(kept)).isEqualTo("kept while its case runs");
      assertThatThrownBy(() -> store.read(swept))
          .isInstanceOf(PayloadNotFoundException.class)
          .hasMessageContaining("expired");
    }

    /** A case that waits at a user task, without connectors that could run at the same time. */
    private ProcessInstance waitingCase(Map<String, Object> variables) {
      engine
          .getRepositoryService()
          .createDeployment()
          .name("payloads-test-wait")
          .enableDuplicateFiltering(true)
          .addModelInstance(
              "wait-here.bpmn",
              Bpmn.createExecutableProcess("wait-here")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask("wait")
                  .endEvent()
                  .done())
          .deploy();
      return runtime.startProcessInstanceByKey("wait-here", variables);
    }

    private String reference(ProcessInstance pi, String name) {
      return String.valueOf(
          ((SerializableValue) runtime.getVariableTyped(pi.getId(), name, false))
              .getValueSerialized());
    }

    /** A variable as Tasklist reads it for a form, parsed as Tasklist parses a Json one. */
    private String formVariable(String taskId, String user, String name) {
      var variables =
          http.withBasicAuth(user, user)
              .getForObject(
                  "/engine-rest/task/{id}/form-variables?variableNames={name}&deserializeValues=false",
                  com.fasterxml.jackson.databind.JsonNode.class,
                  taskId,
                  name);
      var variable = variables.path(name);
      assertThat(variable.path("type").asText()).isEqualTo("Json");
      try {
        return new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(variable.path("value").asText())
            .asText();
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new AssertionError(e);
      }
    }

    /** Whether any variable of the case's history, or any of its updates, holds the text. */
    private boolean historyHolds(ProcessInstance pi, String text) {
      var instances =
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceId(pi.getId())
              .disableCustomObjectDeserialization()
              .list()
              .stream()
              .map(v -> String.valueOf(serialized(v.getTypedValue())));
      var details =
          history
              .createHistoricDetailQuery()
              .processInstanceId(pi.getId())
              .variableUpdates()
              .disableCustomObjectDeserialization()
              .list()
              .stream()
              .map(
                  d ->
                      String.valueOf(
                          serialized(
                              ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
                                  .getTypedValue())));
      return java.util.stream.Stream.concat(instances, details).anyMatch(v -> v.contains(text));
    }

    private static Object serialized(org.camunda.bpm.engine.variable.value.TypedValue value) {
      return value instanceof SerializableValue s ? s.getValueSerialized() : value.getValue();
    }

    private TestRestTemplate asWorker() {
      return http.withBasicAuth("worker", PostgresEngineIT.WORKER_PASSWORD);
    }

    private static HttpEntity<String> text(String body) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.TEXT_PLAIN);
      return new HttpEntity<>(body, headers);
    }

    private long count() {
      return jdbc.queryForObject("SELECT COUNT(*) FROM baton_payload", Long.class);
    }
  }

  private ProcessInstance start(String document) {
    return runtime.startProcessInstanceByKey("document-intake", Map.of("documentText", document));
  }

  private List<Map<String, Object>> modelCalls(ProcessInstance pi) {
    return jdbc.queryForList(
        "SELECT model, task, outcome, prompt_id, input_tokens FROM baton_model_call"
            + " WHERE process_instance_id = ? ORDER BY id",
        pi.getId());
  }
}
