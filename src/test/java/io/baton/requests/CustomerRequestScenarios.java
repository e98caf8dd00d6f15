package io.baton.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customer-request process, route by route, with the embedded workers and the real local model.
 * Subclasses run it on H2 and on PostgreSQL.
 */
abstract class CustomerRequestScenarios {

  private static final Duration WORKER_TIMEOUT = Duration.ofSeconds(60);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @Test
  void should_answer_a_sure_low_risk_request_automatically() {
    ProcessInstance pi =
        start("Has my package been sent out yet? I cannot find any tracking link.");

    awaitEnded(pi);

    assertThat(pi)
        .hasPassed("classify-intent", "route", "draft-reply", "request-answered")
        .hasNotPassed("review-ai-suggestion", "supervisor-review");
    assertThat(historic(pi, "intent")).isEqualTo("ORDER_STATUS");
    assertThat(historic(pi, "route")).isEqualTo("AUTO_EXECUTE");
    assertThat((String) historic(pi, "reply")).contains("C-42");
    assertThat(historic(pi, "replyGenerated")).isEqualTo(false);
  }

  @Test
  void should_send_a_complaint_to_review_and_reply_when_approved() {
    ProcessInstance pi = start("The blender I bought stopped working after two days, I am upset.");

    awaitWaitingAt(pi, "review-ai-suggestion");
    assertThat(task(pi)).hasCandidateGroup("reviewers");
    assertThat(runtime.getVariable(pi.getId(), "intent")).isEqualTo("COMPLAINT");
    assertThat(runtime.getVariable(pi.getId(), "route")).isEqualTo("SUGGEST");
    assertThat((String) runtime.getVariable(pi.getId(), "rationale")).contains("Closest examples");

    tasks.claim(task(pi).getId(), "reviewer");
    complete(task(pi), withVariables("reviewDecision", "APPROVE"));
    awaitEnded(pi);

    assertThat(pi).hasPassed("draft-reply", "request-answered");
    assertThat(historic(pi, "finalIntent")).isEqualTo("COMPLAINT");
    assertThat(historic(pi, "reviewedBy")).isEqualTo("reviewer");
  }

  @Test
  void should_reply_with_the_intent_the_reviewer_chose() {
    ProcessInstance pi = start("The blender I bought stopped working after two days, I am upset.");
    awaitWaitingAt(pi, "review-ai-suggestion");

    complete(
        task(pi),
        withVariables("reviewDecision", "CHANGE_INTENT", "correctedIntent", "REFUND_REQUEST"));
    awaitEnded(pi);

    assertThat(historic(pi, "intent")).as("the AI's answer stays").isEqualTo("COMPLAINT");
    assertThat(historic(pi, "finalIntent")).isEqualTo("REFUND_REQUEST");
    assertThat((String) historic(pi, "reply")).contains("refund");
  }

  @Test
  void should_end_without_reply_when_the_reviewer_rejects() {
    ProcessInstance pi = start("Please give me my money back for order 7781, I returned it.");

    awaitWaitingAt(pi, "review-ai-suggestion");
    assertThat(runtime.getVariable(pi.getId(), "intent")).isEqualTo("REFUND_REQUEST");
    assertThat(runtime.getVariable(pi.getId(), "route")).isEqualTo("REQUIRE_APPROVAL");

    complete(task(pi), withVariables("reviewDecision", "REJECT", "rejectReason", "duplicate"));

    assertThat(pi).isEnded().hasPassed("request-rejected").hasNotPassed("draft-reply");
    assertThat(historic(pi, "rejectReason")).isEqualTo("duplicate");
  }

  @Test
  void should_refuse_a_rejection_without_reason_and_keep_the_task_open() {
    ProcessInstance pi = start("Please give me my money back for order 7781, I returned it.");
    awaitWaitingAt(pi, "review-ai-suggestion");
    String taskId = task(pi).getId();

    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("reviewDecision", "REJECT")))
        .hasMessageContaining("a rejection needs a reason");

    assertThat(pi).isWaitingAt("review-ai-suggestion");
  }

  @Test
  void should_escalate_a_legal_threat_to_supervisors() {
    ProcessInstance pi = start("My lawyer will contact you about this tomorrow.");

    awaitWaitingAt(pi, "supervisor-review");
    assertThat(task(pi)).hasCandidateGroup("supervisors");
    assertThat(runtime.getVariable(pi.getId(), "route")).isEqualTo("ESCALATE");

    complete(task(pi), withVariables("reviewDecision", "APPROVE"));
    awaitEnded(pi);
    assertThat(pi).hasPassed("draft-reply");
  }

  @Test
  void should_refuse_an_invalid_request_without_leaving_an_instance() {
    long before = history.createHistoricProcessInstanceQuery().count();

    assertThatThrownBy(
            () ->
                runtime.startProcessInstanceByKey(
                    "customer-request", Map.of("message", "  ", "customerId", "C-1")))
        .hasMessageContaining("message is required");
    assertThatThrownBy(
            () ->
                runtime.startProcessInstanceByKey(
                    "customer-request", Map.of("message", "Where is my order?")))
        .hasMessageContaining("customerId is required");

    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  private ProcessInstance start(String message) {
    return runtime.startProcessInstanceByKey(
        "customer-request", Map.of("message", message, "customerId", "C-42"));
  }

  private void awaitWaitingAt(ProcessInstance pi, String activityId) {
    await()
        .atMost(WORKER_TIMEOUT)
        .until(() -> runtime.getActiveActivityIds(pi.getId()).contains(activityId));
  }

  private void awaitEnded(ProcessInstance pi) {
    await()
        .atMost(WORKER_TIMEOUT)
        .until(
            () -> runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0);
  }

  private Object historic(ProcessInstance pi, String name) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId())
        .variableName(name)
        .list()
        .stream()
        .findFirst()
        .map(HistoricVariableInstance::getValue)
        .orElse(null);
  }
}
