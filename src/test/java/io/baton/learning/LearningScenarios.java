package io.baton.learning;

import static io.baton.support.ProcessInstances.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.models.CallSite;
import io.baton.models.ModelRegistry;
import io.baton.models.ModelTask;
import io.baton.support.PostgresEngineIT;
import io.baton.support.ProcessInstances;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Learning from reviewers through the customer-request process, its embedded workers and the real
 * local model: reviewers correct one confusion (complaints that call a faulty product illegal,
 * which the model takes for legal threats and escalates to supervisors), and the next message of
 * that kind is classified right. Runs nested in an application of the customer-request tests.
 */
public abstract class LearningScenarios {

  static final String LABEL_SET = "customer-intents";
  static final String SUBJECT = "C-LEARN";

  /** One confusion: complaints that call a faulty product illegal read as legal threats. */
  public static final List<String> CORRECTED =
      List.of(
          "It is illegal to sell a heater that overheats like this one, I am very disappointed.",
          "Selling a toaster with exposed wires should be against the law, this is shocking.",
          "Surely it is not legal to sell a lamp that gives electric shocks, terrible product.");

  public static final String NEXT =
      "Selling a fan that rattles and sparks like this cannot be legal, I am really unhappy.";

  @Autowired RuntimeService runtime;
  @Autowired LearnedExampleStore learned;
  @Autowired ModelRegistry models;
  @Autowired LabelSetCatalog labelSets;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  @BeforeEach
  @AfterEach
  void forgetWhatWasLearned() {
    jdbc.update("DELETE FROM baton_learned_example");
  }

  @Test
  void should_classify_the_next_message_right_after_reviewers_corrected_the_confusion()
      throws Exception {
    ProcessInstance before = start(NEXT);
    // the first case of a fresh application waits for the workers' first fetch and the model
    awaitAt(before, "supervisor-review", Duration.ofMinutes(3));
    assertThat(runtime.getVariable(before.getId(), "intent"))
        .as("the confusion, before anyone corrected it: a complaint escalated as a legal threat")
        .isEqualTo("LEGAL");
    runtime.deleteProcessInstance(before.getId(), "seen what it was classified as");

    // a reviewer corrects the first message of the kind, and approves the corrected case
    String message = CORRECTED.get(0);
    ProcessInstance pi = start(message);
    awaitAt(pi, "supervisor-review", ProcessInstances.WORKERS);
    assertThat(runtime.getVariable(pi.getId(), "intent")).isEqualTo("LEGAL");

    decide(pi, "supervisor", "reviewDecision", "CHANGE_LABEL", "correctedLabel", "COMPLAINT");
    awaitAt(pi, "review-ai-suggestion", ProcessInstances.WORKERS);
    assertThat(learned.of(LABEL_SET))
        .as("a correction waits for the review to approve it")
        .isEmpty();

    decide(pi, "reviewer", "reviewDecision", "APPROVE");
    assertThat(pi).isWaitingAt("send-reply");
    assertThat(learned.used(LABEL_SET))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.processInstanceId()).isEqualTo(pi.getId());
              assertThat(e.label()).isEqualTo("COMPLAINT");
              assertThat(e.aiLabel()).isEqualTo("LEGAL");
              assertThat(e.text()).isEqualTo(message);
              assertThat(e.correctedBy()).isEqualTo("supervisor");
              assertThat(e.approvedBy()).isEqualTo("reviewer");
              assertThat(e.subjectKey()).isEqualTo(SUBJECT);
              assertThat(e.learnedAt()).isNotNull();
            });

    // the next messages of that kind: complaints for reviewers, no longer legal threats for
    // supervisors
    for (String next : List.of(CORRECTED.get(1), CORRECTED.get(2), NEXT)) {
      ProcessInstance after = start(next);
      awaitAt(after, "review-ai-suggestion", ProcessInstances.WORKERS);
      assertThat(runtime.getVariable(after.getId(), "intent")).as(next).isEqualTo("COMPLAINT");
      assertThat(task(after)).hasCandidateGroup("reviewers");
      assertThat((String) runtime.getVariable(after.getId(), "rationale"))
          .as("a learned example shows by its key, not by another customer's words")
          .contains("learned example #")
          .doesNotContain(message);
    }

    ResponseEntity<String> workersRead =
        http.withBasicAuth("worker", PostgresEngineIT.WORKER_PASSWORD)
            .getForEntity("/api/learned-examples?labelSet=" + LABEL_SET, String.class);
    assertThat(workersRead.getStatusCode().value()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(workersRead.getBody()))
        .as("what a standalone worker reads: id, label and text of each")
        .hasSize(1)
        .allSatisfy(
            e -> {
              assertThat(e.path("id").asLong()).isPositive();
              assertThat(e.path("label").asText()).isEqualTo("COMPLAINT");
              assertThat(e.path("text").asText()).isEqualTo(message);
            });

    assertThat(learned.eraseSubject(SUBJECT, List.of())).isEqualTo(1);
    assertThat(classify(NEXT)).as("erasing the subject unlearns its examples").isEqualTo("LEGAL");
  }

  @Test
  void should_learn_nothing_from_a_correction_whose_case_is_rejected() {
    ProcessInstance pi = start(CORRECTED.get(0));
    awaitAt(pi, "supervisor-review", ProcessInstances.WORKERS);
    decide(pi, "supervisor", "reviewDecision", "CHANGE_LABEL", "correctedLabel", "COMPLAINT");
    awaitAt(pi, "review-ai-suggestion", ProcessInstances.WORKERS);

    decide(pi, "reviewer", "reviewDecision", "REJECT", "rejectReason", "not a real request");

    assertThat(pi).isEnded();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM baton_learned_example", Integer.class))
        .isZero();
    assertThat(classify(NEXT)).isEqualTo("LEGAL");
  }

  /** Waits until the case waits at the activity; says where it is instead when it does not. */
  private void awaitAt(ProcessInstance pi, String activityId, Duration atMost) {
    try {
      await().atMost(atMost).until(() -> waitsAt(pi, activityId));
    } catch (ConditionTimeoutException late) {
      throw new AssertionError(
          "%s does not wait at %s: it is at %s (intent %s, route %s: %s), incidents %s"
              .formatted(
                  pi.getId(),
                  activityId,
                  runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0
                      ? "its end"
                      : runtime.getActiveActivityIds(pi.getId()),
                  ProcessInstances.historic(pi, "intent"),
                  ProcessInstances.historic(pi, "route"),
                  ProcessInstances.historic(pi, "routeReason"),
                  runtime.createIncidentQuery().processInstanceId(pi.getId()).list().stream()
                      .map(i -> i.getActivityId() + ": " + i.getIncidentMessage())
                      .toList()),
          late);
    }
  }

  private boolean waitsAt(ProcessInstance pi, String activityId) {
    return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 1
        && runtime.getActiveActivityIds(pi.getId()).contains(activityId);
  }

  private String classify(String text) {
    return models
        .get("smart")
        .classify(
            new ModelTask.Classify(
                text, labelSets.get(LABEL_SET).examples(), LABEL_SET, "", CallSite.NONE))
        .label();
  }

  private ProcessInstance start(String message) {
    return runtime.startProcessInstanceByKey(
        "customer-request",
        Map.of(
            "message", message, "customerId", SUBJECT, "customerEmail", "learn@customers.example"));
  }
}
