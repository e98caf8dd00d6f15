package io.baton.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.baton.governance.CaseApprovals.Approval;
import io.baton.review.ReviewOutcomeStore;
import io.baton.workers.TestWebhook;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A process drawn only with Baton's element templates ({@code governed/governed-notice.bpmn}: the
 * classify connector, the routing and review templates, the notify tool), with no Java of its own,
 * gets locked facts, four eyes, an SLA, an approval bound to the tool's exact arguments and
 * reviewer outcomes. Subclasses run it on H2 and on PostgreSQL, with the embedded workers and a
 * real webhook stand-in that counts what the tool sends.
 */
abstract class GovernedNoticeScenarios {

  static final String REFUND = "Please give me my money back for order 7781, I returned it.";
  static final TestWebhook webhook = startWebhook();

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CaseApprovals approvals;
  @Autowired ReviewOutcomeStore outcomes;

  static void webhook(DynamicPropertyRegistry registry) {
    registry.add("baton.notify.webhook-url", webhook::url);
  }

  @BeforeEach
  void deploy() {
    init(engine);
    if (repository.createProcessDefinitionQuery().processDefinitionKey("governed-notice").count()
        == 0) {
      repository
          .createDeployment()
          .name("governed-notice")
          .addClasspathResource("governed/governed-notice.bpmn")
          .deploy();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  static void stopWebhook() {
    webhook.stop();
  }

  @Test
  void a_high_risk_case_needs_two_people_and_the_tool_acts_once_with_what_they_approved() {
    ProcessInstance pi = start(REFUND, "We refund order 7781 within five days.");
    awaitWaitingAt(pi, "review");
    assertThat(runtime.getVariable(pi.getId(), "route")).isEqualTo("REQUIRE_APPROVAL");
    assertThat(runtime.getVariable(pi.getId(), "fourEyesRequired")).isEqualTo(true);
    assertThat(task(pi).getDueDate()).as("the template's SLA").isNotNull();

    decide(pi, "reviewer", "reviewDecision", "APPROVE");
    assertThat(pi).isWaitingAt("second-approval");
    String second = task(pi).getId();
    tasks.setAssignee(second, "reviewer");
    assertThatThrownBy(() -> tasks.complete(second, Map.of("reviewDecision", "APPROVE")))
        .hasMessageContaining("four eyes: reviewer approved this case already");

    decide(pi, "supervisor", "reviewDecision", "APPROVE");
    execute(job(pi));
    awaitEnded(pi);

    assertThat(pi).hasPassed("send-notice", "notice-sent");
    assertThat(webhook.deliveries().keySet()).anyMatch(key -> key.startsWith(pi.getId() + ":"));
    assertThat(deliveries(pi)).isEqualTo(1);
    assertThat(approvals.approvals(pi.getId()))
        .extracting(Approval::stage, Approval::actor, Approval::actionId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FIRST", "reviewer", "send-notice"),
            org.assertj.core.groups.Tuple.tuple("SECOND", "supervisor", "send-notice"));
    assertThat(outcomes.count(pi.getId())).as("the reviewer's decision measures the model").isOne();
  }

  @Test
  void a_tool_whose_arguments_changed_after_approval_does_not_act_and_the_case_is_reviewed_again() {
    ProcessInstance pi = start(REFUND, "We refund order 7781 within five days.");
    awaitWaitingAt(pi, "review");
    decide(pi, "reviewer", "reviewDecision", "APPROVE");
    decide(pi, "supervisor", "reviewDecision", "APPROVE");
    assertThat(pi).isWaitingAt("send-notice");

    runtime.setVariable(pi.getId(), "notice", "Send us your card number to get the refund.");
    execute(job(pi)); // the tool starts: its arguments are mapped now, then the worker runs it

    awaitWaitingAt(pi, "review");
    assertThat(pi).hasPassed("approval-missing");
    assertThat(deliveries(pi)).as("the stand-in the tool calls").isZero();
    assertThat((String) runtime.getVariable(pi.getId(), "approvalProblem"))
        .contains("the arguments of 'send-notice' changed after reviewer approved them");
    assertThat(approvals.approvals(pi.getId()))
        .extracting(Approval::kind)
        .as("approvals are appended; the withdrawal is a row of its own")
        .containsExactly("APPROVED", "APPROVED", "WITHDRAWN");
    assertThat(approvals.approval(pi.getId(), CaseApprovals.Stage.FIRST)).isEmpty();
  }

  @Test
  void the_facts_a_case_was_routed_on_cannot_be_changed_by_a_review() {
    ProcessInstance pi = start(REFUND, "We refund order 7781.");
    awaitWaitingAt(pi, "review");
    String taskId = task(pi).getId();
    tasks.setAssignee(taskId, "reviewer");

    assertThatThrownBy(
            () ->
                tasks.complete(
                    taskId, Map.of("reviewDecision", "APPROVE", "message", "Where is my parcel?")))
        .hasMessageContaining("'message' was set by Baton when it routed this case");
    assertThat(pi).isWaitingAt("review");
  }

  @Test
  void a_review_nobody_takes_in_time_is_denied_by_default() {
    ProcessInstance pi = start(REFUND, "We refund order 7781.");
    awaitWaitingAt(pi, "review");

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(2))));
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed("denied-by-default").hasNotPassed("send-notice");
    assertThat(deliveries(pi)).isZero();
  }

  @Test
  void a_sure_low_risk_case_acts_without_a_person_as_routed() {
    ProcessInstance pi =
        start(
            "Has my package been sent out yet? I cannot find any tracking link.",
            "Your parcel left our warehouse yesterday.");
    awaitWaitingAt(pi, "send-notice");
    assertThat(runtime.getVariable(pi.getId(), "route")).isEqualTo("AUTO_EXECUTE");

    execute(job(pi));
    awaitEnded(pi);
    assertThat(deliveries(pi)).isEqualTo(1);
  }

  ProcessInstance start(String message, String notice) {
    return runtime.startProcessInstanceByKey(
        "governed-notice",
        Map.of("message", message, "customerId", "C-7", "notice", notice, "amount", 0.0));
  }

  void decide(ProcessInstance pi, String user, Object... variables) {
    String taskId = task(pi).getId();
    tasks.setAssignee(taskId, user);
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    tasks.complete(taskId, values);
  }

  int deliveries(ProcessInstance pi) {
    return webhook.deliveries().entrySet().stream()
        .filter(entry -> entry.getKey() != null && entry.getKey().startsWith(pi.getId() + ":"))
        .mapToInt(entry -> entry.getValue().get())
        .sum();
  }

  void awaitWaitingAt(ProcessInstance pi, String activityId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> runtime.getActiveActivityIds(pi.getId()).contains(activityId));
  }

  void awaitEnded(ProcessInstance pi) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0);
  }

  private static TestWebhook startWebhook() {
    try {
      return TestWebhook.start(0, 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
