package io.baton.learning;

import static io.baton.support.ProcessInstances.awaitWaitingAt;
import static io.baton.support.ProcessInstances.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.models.CallSite;
import io.baton.models.ModelRegistry;
import io.baton.models.ModelTask;
import io.baton.support.PostgresEngineIT;
import java.util.List;
import java.util.Map;
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
    assertThat(classify(NEXT)).as("the confusion, before anyone corrected it").isEqualTo("LEGAL");

    for (String message : CORRECTED) {
      ProcessInstance pi = start(message);
      awaitWaitingAt(pi, "supervisor-review");
      assertThat(runtime.getVariable(pi.getId(), "intent")).isEqualTo("LEGAL");

      decide(pi, "supervisor", "reviewDecision", "CHANGE_LABEL", "correctedLabel", "COMPLAINT");
      awaitWaitingAt(pi, "review-ai-suggestion");
      assertThat(learned.of(LABEL_SET))
          .as("a correction waits for the review to approve it")
          .noneMatch(e -> e.text().equals(message));

      decide(pi, "reviewer", "reviewDecision", "APPROVE");
      assertThat(pi).isWaitingAt("send-reply");
      assertThat(learned.used(LABEL_SET))
          .filteredOn(e -> e.processInstanceId().equals(pi.getId()))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.label()).isEqualTo("COMPLAINT");
                assertThat(e.aiLabel()).isEqualTo("LEGAL");
                assertThat(e.text()).isEqualTo(message);
                assertThat(e.correctedBy()).isEqualTo("supervisor");
                assertThat(e.approvedBy()).isEqualTo("reviewer");
                assertThat(e.subjectKey()).isEqualTo(SUBJECT);
                assertThat(e.learnedAt()).isNotNull();
              });
    }

    ProcessInstance next = start(NEXT);
    awaitWaitingAt(next, "review-ai-suggestion");
    assertThat(runtime.getVariable(next.getId(), "intent")).isEqualTo("COMPLAINT");
    assertThat(task(next)).hasCandidateGroup("reviewers");
    assertThat((String) runtime.getVariable(next.getId(), "rationale"))
        .as("a learned example shows by its key, not by another customer's words")
        .contains("learned example #")
        .doesNotContain(CORRECTED.get(0));

    ResponseEntity<String> workersRead =
        http.withBasicAuth("worker", PostgresEngineIT.WORKER_PASSWORD)
            .getForEntity("/api/learned-examples?labelSet=" + LABEL_SET, String.class);
    assertThat(workersRead.getStatusCode().value()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(workersRead.getBody()))
        .as("what a standalone worker reads: id, label and text of each")
        .hasSize(CORRECTED.size())
        .allSatisfy(
            e -> {
              assertThat(e.path("id").asLong()).isPositive();
              assertThat(e.path("label").asText()).isEqualTo("COMPLAINT");
              assertThat(CORRECTED).contains(e.path("text").asText());
            });

    assertThat(learned.eraseSubject(SUBJECT)).isEqualTo(CORRECTED.size());
    assertThat(classify(NEXT)).as("erasing the subject unlearns its examples").isEqualTo("LEGAL");
  }

  @Test
  void should_learn_nothing_from_a_correction_whose_case_is_rejected() {
    ProcessInstance pi = start(CORRECTED.get(0));
    awaitWaitingAt(pi, "supervisor-review");
    decide(pi, "supervisor", "reviewDecision", "CHANGE_LABEL", "correctedLabel", "COMPLAINT");
    awaitWaitingAt(pi, "review-ai-suggestion");

    decide(pi, "reviewer", "reviewDecision", "REJECT", "rejectReason", "not a real request");

    assertThat(pi).isEnded();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM baton_learned_example", Integer.class))
        .isZero();
    assertThat(classify(NEXT)).isEqualTo("LEGAL");
  }

  private String classify(String text) {
    return models
        .get("smart")
        .classify(
            new ModelTask.Classify(
                text, labelSets.get(LABEL_SET).examples(), LABEL_SET, CallSite.NONE))
        .label();
  }

  private ProcessInstance start(String message) {
    return runtime.startProcessInstanceByKey(
        "customer-request",
        Map.of(
            "message", message, "customerId", SUBJECT, "customerEmail", "learn@customers.example"));
  }
}
