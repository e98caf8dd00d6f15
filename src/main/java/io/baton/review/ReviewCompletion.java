package io.baton.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.audit.CaseTrail;
import io.baton.audit.TrailEvent;
import io.baton.audit.TrailKind;
import io.baton.connectors.ActionDigest;
import io.baton.connectors.extract.SchemaCatalog;
import io.baton.governance.ActionArguments;
import io.baton.governance.CaseApprovals;
import io.baton.governance.CaseApprovals.Approval;
import io.baton.governance.CaseApprovals.CaseRouting;
import io.baton.governance.CaseApprovals.Stage;
import io.baton.governance.DecisionMetrics;
import io.baton.governance.ElementProperties;
import io.baton.governance.RoutingFacts;
import io.baton.learning.ReviewLearning;
import io.baton.memory.payloads.PayloadViews;
import io.baton.models.JsonSchemaCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of any review task ({@code ${reviewCompletion}}), configured by the task's
 * properties. A first review ({@code baton.review.stage} FIRST, the default) checks the decision
 * ({@code reviewDecision} APPROVE, CHANGE_LABEL or REJECT), applies what the reviewer changed,
 * appends an approval bound to the digest of the exact action it allows ({@code
 * baton.review.action}, a tool task of the diagram; without one, the reviewed fields), stores the
 * first decision on the AI's label as a reviewer outcome, and tells {@link ReviewLearning} of a
 * corrected label. A second review (SECOND) must be by another person and confirm exactly what the
 * first approved. A decision that breaks a rule refuses the completion with a message the reviewer
 * sees, and the task stays open.
 */
@Component("reviewCompletion")
public class ReviewCompletion implements TaskListener {

  static final int MAX_TEXT_LENGTH = 4_000;

  private final ReviewOutcomeStore outcomes;
  private final Reviewers reviewers;
  private final CaseApprovals approvals;
  private final RoutingFacts facts;
  private final ReviewForm form;
  private final ActionArguments actions;
  private final SchemaCatalog schemas;
  private final CaseTrail trail;
  private final DecisionMetrics metrics;
  private final ReviewLearning learning;
  private final ObjectMapper json = new ObjectMapper();

  ReviewCompletion(
      ReviewOutcomeStore outcomes,
      Reviewers reviewers,
      CaseApprovals approvals,
      RoutingFacts facts,
      ReviewForm form,
      ActionArguments actions,
      SchemaCatalog schemas,
      CaseTrail trail,
      DecisionMetrics metrics,
      ReviewLearning learning) {
    this.metrics = metrics;
    this.learning = learning;
    this.outcomes = outcomes;
    this.reviewers = reviewers;
    this.approvals = approvals;
    this.facts = facts;
    this.form = form;
    this.actions = actions;
    this.schemas = schemas;
    this.trail = trail;
  }

  @Override
  public void notify(DelegateTask task) {
    // a stored payload's view on the task is not a change: the case's reference counts
    facts.verify(task.getProcessInstanceId(), name -> PayloadViews.caseValue(task, name));
    ElementProperties review = ElementProperties.of(task);
    if ("SECOND".equals(review.get("baton.review.stage"))) {
      confirm(task, review);
    } else {
      decide(task, review);
    }
  }

  private void decide(DelegateTask task, ElementProperties review) {
    String caseId = task.getProcessInstanceId();
    ReviewDecision decision = ReviewDecision.parse(task.getVariable("reviewDecision"));
    String reviewer = reviewers.current(task);
    String labelVariable = review.get("baton.review.label");
    String correctedLabel = text(task.getVariable("correctedLabel"));
    List<String> problems = new ArrayList<>();
    if (reviewer == null) {
      problems.add("claim the task first, so the decision has a name");
    }
    if (decision == ReviewDecision.CHANGE_LABEL && correctedLabel == null) {
      problems.add("choose the corrected label");
    }
    boolean relabel = "true".equals(review.get("baton.review.relabel"));
    if (decision == ReviewDecision.CHANGE_LABEL && relabel && labelVariable == null) {
      problems.add(
          "this review routes again with a corrected label, but names no label variable"
              + " (baton.review.label)");
    }
    if (decision == ReviewDecision.REJECT && text(task.getVariable("rejectReason")) == null) {
      problems.add("a rejection needs a reason");
    }
    Map<String, Object> changes = form.changes(task);
    changes.forEach(
        (name, value) -> {
          if (value instanceof String words && words.length() > MAX_TEXT_LENGTH) {
            problems.add(
                "'%s' has %d characters; the limit is %d"
                    .formatted(name, words.length(), MAX_TEXT_LENGTH));
          }
        });
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(String.join("; ", problems));
    }
    if (correctedLabel != null) {
      form.correctedLabel(task); // one of the review's label set, or refused with the options
    }

    // CHANGE_LABEL routes the case again where the review says so; elsewhere it approves the
    // result with the reviewer's label, which is kept as the labelled example
    boolean approves =
        decision == ReviewDecision.APPROVE || (decision == ReviewDecision.CHANGE_LABEL && !relabel);
    DelegateExecution execution = task.getExecution();
    Object aiLabel = labelVariable == null ? null : task.getVariable(labelVariable);
    Map<String, Object> decisionRecord = new LinkedHashMap<>();
    decisionRecord.put("decision", decision.name());
    decisionRecord.put("aiLabel", aiLabel);
    decisionRecord.put("correctedLabel", correctedLabel);
    decisionRecord.put("changes", changeRecord(execution, changes));
    decisionRecord.put("reason", text(task.getVariable("rejectReason")));
    humanDecision(task, reviewer, decisionRecord);
    changes.forEach(execution::setVariable);
    if (decision == ReviewDecision.CHANGE_LABEL && relabel) {
      execution.setVariable(labelVariable, correctedLabel);
    }
    if (approves) {
      checkSchema(review, task);
    }
    execution.setVariable("reviewedBy", reviewer);
    execution.setVariable("reviewChanged", !changes.isEmpty());
    lockChangedFacts(task, changes.keySet(), reviewer);
    approvals.withdraw(caseId, reviewer, "reviewed again: " + decision);
    if (approves) {
      String action = review.get("baton.review.action");
      approvals.approve(caseId, Stage.FIRST, reviewer, action, digest(execution, review, action));
    }
    recordOutcome(task, review, decision, aiLabel, correctedLabel, reviewer);
    learn(task, review, decision, approves, aiLabel, correctedLabel, reviewer);
  }

  /** A corrected label is kept, and learned once a review that lets the case act approves it. */
  private void learn(
      DelegateTask task,
      ElementProperties review,
      ReviewDecision decision,
      boolean approves,
      Object aiLabel,
      String correctedLabel,
      String reviewer) {
    String caseId = task.getProcessInstanceId();
    if (decision == ReviewDecision.CHANGE_LABEL) {
      learning.corrected(task, review, aiLabel, correctedLabel, reviewer);
    }
    if (approves) {
      String labelVariable = review.get("baton.review.label");
      Object approved =
          decision == ReviewDecision.CHANGE_LABEL
              ? correctedLabel
              : labelVariable == null ? null : task.getVariable(labelVariable);
      learning.approved(
          caseId,
          approved == null ? null : String.valueOf(approved),
          reviewer,
          !approvals.fourEyesRequired(caseId));
    } else if (decision == ReviewDecision.REJECT) {
      learning.rejected(caseId);
    }
  }

  /** The second approval: another person, exactly what the first approved. */
  private void confirm(DelegateTask task, ElementProperties review) {
    String caseId = task.getProcessInstanceId();
    ReviewDecision decision = ReviewDecision.parse(task.getVariable("reviewDecision"));
    if (decision == ReviewDecision.CHANGE_LABEL) {
      throw new InvalidReviewException(
          "the second approval approves or rejects; it does not change the label");
    }
    String approver = reviewers.current(task);
    if (approver == null) {
      throw new InvalidReviewException(
          "the second approval needs a known approver: claim the task first");
    }
    Approval first =
        approvals
            .approval(caseId, Stage.FIRST)
            .orElseThrow(() -> new InvalidReviewException("there is no first approval to confirm"));
    if (Objects.equals(approver, first.approver())) {
      throw new InvalidReviewException(
          "four eyes: %s approved this case already; another person must give the second approval"
              .formatted(approver));
    }
    if (!form.changes(task).isEmpty()) {
      throw new InvalidReviewException(
          "a second approval confirms what %s approved, unchanged".formatted(first.approver()));
    }
    if (decision == ReviewDecision.REJECT) {
      if (text(task.getVariable("rejectReason")) == null) {
        throw new InvalidReviewException("a rejection needs a reason");
      }
      task.getExecution().setVariable("secondApprovedBy", approver);
      humanDecision(
          task,
          approver,
          Map.of(
              "decision", decision.name(),
              "stage", "SECOND",
              "reason", text(task.getVariable("rejectReason"))));
      approvals.withdraw(caseId, approver, "rejected at the second approval");
      learning.rejected(caseId);
      return;
    }
    String digest = digest(task.getExecution(), review, first.actionId());
    if (!digest.equals(first.digest())) {
      throw new InvalidReviewException(
          "what would act differs from what %s approved: a second approval confirms it unchanged"
              .formatted(first.approver()));
    }
    task.getExecution().setVariable("secondApprovedBy", approver);
    humanDecision(task, approver, Map.of("decision", decision.name(), "stage", "SECOND"));
    approvals.approve(caseId, Stage.SECOND, approver, first.actionId(), digest);
    learning.approved(caseId, null, approver, true);
  }

  /** The trail's record of a review: who decided what at which task (EU AI Act Art. 14). */
  private void humanDecision(DelegateTask task, String reviewer, Map<String, ?> decided) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("taskId", task.getId());
    payload.put("taskName", task.getName());
    payload.putAll(decided);
    metrics.reviewed(
        task.getProcessDefinitionId(),
        String.valueOf(decided.get("decision")),
        decided.get("changes") instanceof Map<?, ?> changes && !changes.isEmpty(),
        decided.get("stage") == null ? "FIRST" : String.valueOf(decided.get("stage")));
    trail.append(
        task.getProcessInstanceId(),
        TrailEvent.of(TrailKind.HUMAN_DECISION, reviewer, task.getTaskDefinitionKey(), payload));
  }

  /** What a reviewer changed: each field with the value before and after. */
  private static Map<String, Object> changeRecord(
      DelegateExecution execution, Map<String, Object> changes) {
    Map<String, Object> record = new LinkedHashMap<>();
    changes.forEach(
        (name, value) -> {
          Map<String, Object> change = new LinkedHashMap<>();
          change.put("from", execution.getVariable(name));
          change.put("to", value);
          record.put(name, change);
        });
    return record;
  }

  /**
   * The digest an approval covers: the exact arguments of the action it allows, or, for a review
   * that allows no tool (accepting a document), the reviewed fields.
   */
  private String digest(DelegateExecution execution, ElementProperties review, String action) {
    if (action != null) {
      return actions.of(execution, action).digest();
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String name : review.list("baton.review.fields")) {
      fields.put(name, execution.getVariable(name));
    }
    return ActionDigest.of(fields);
  }

  /**
   * A reviewer who changed a fact the case was routed on (a misread total) records the facts again,
   * and the case needs a second person to confirm the change.
   */
  private void lockChangedFacts(DelegateTask task, Set<String> changed, String reviewer) {
    String caseId = task.getProcessInstanceId();
    List<String> changedFacts =
        changed.stream().filter(facts.names(caseId)::contains).sorted().toList();
    String labelVariable = ElementProperties.of(task).get("baton.review.label");
    if (changedFacts.isEmpty()
        && (labelVariable == null || !facts.names(caseId).contains(labelVariable))) {
      return;
    }
    facts.recordAgain(caseId, task.getExecution());
    if (!changedFacts.isEmpty()) {
      CaseRouting routing =
          approvals
              .routing(caseId)
              .orElseThrow(() -> new IllegalStateException("case " + caseId + " was never routed"));
      String reason =
          "%s changed %s, which the case was routed on: two people approve"
              .formatted(reviewer, String.join(", ", changedFacts));
      approvals.recordRouting(
          caseId,
          new CaseRouting(
              routing.activityId(), routing.decisionKey(), routing.route(), true, reason),
          reviewer,
          Map.of("changedFacts", changedFacts));
      task.getExecution().setVariable("fourEyesRequired", true);
    }
  }

  private void checkSchema(ElementProperties review, DelegateTask task) {
    String schema = review.get("baton.review.schema");
    if (schema == null) {
      return;
    }
    var document = json.createObjectNode();
    for (String name : review.list("baton.review.fields")) {
      Object value = task.getVariable(name);
      if (value != null) {
        document.set(name, json.valueToTree(value));
      }
    }
    List<String> problems = JsonSchemaCheck.problems(document, schemas.get(schema));
    if (!problems.isEmpty()) {
      throw new InvalidReviewException("cannot approve: " + String.join("; ", problems));
    }
  }

  /** One labelled example per case: a later round reviews the reviewer's own correction. */
  private void recordOutcome(
      DelegateTask task,
      ElementProperties review,
      ReviewDecision decision,
      Object aiLabel,
      String correctedLabel,
      String reviewer) {
    if (aiLabel == null || outcomes.count(task.getProcessInstanceId()) > 0) {
      return;
    }
    String textVariable = review.get("baton.review.text");
    String finalLabel =
        correctedLabel != null
            ? correctedLabel
            : decision == ReviewDecision.REJECT ? null : String.valueOf(aiLabel);
    outcomes.record(
        new ReviewOutcome(
            task.getId(),
            task.getProcessInstanceId(),
            orUnknown(task.getVariable("taskType"), review.get("baton.review.labelSet")),
            orUnknown(task.getVariable("aiModel"), null),
            textVariable == null ? null : text(task.getVariable(textVariable)),
            String.valueOf(aiLabel),
            finalLabel,
            correctedLabel != null && decision != ReviewDecision.REJECT
                ? ReviewDecision.CHANGE_LABEL
                : decision,
            reviewer,
            Instant.now()));
  }

  private static String orUnknown(Object value, String fallback) {
    return value != null ? String.valueOf(value) : fallback != null ? fallback : "unknown";
  }

  static String text(Object value) {
    return value instanceof String words && !words.isBlank() ? words : null;
  }
}
