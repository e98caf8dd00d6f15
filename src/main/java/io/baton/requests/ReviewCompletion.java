package io.baton.requests;

import io.baton.governance.ApprovalDigest;
import io.baton.governance.CaseApprovals;
import io.baton.governance.RoutingFacts;
import io.baton.review.ReviewDecision;
import io.baton.review.ReviewOutcome;
import io.baton.review.ReviewOutcomeStore;
import io.baton.review.Reviewers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the review of a customer request (reviewer or supervisor): checks the
 * decision, makes the reviewer's answer final, records an approval bound to the digest of the reply
 * it approves (a correction or rejection withdraws any approval), and stores the first decision on
 * the AI's answer as a labelled example. A decision that breaks a rule refuses the completion with
 * a message the reviewer sees, and the task stays open.
 */
@Component("reviewCompletion")
public class ReviewCompletion implements TaskListener {

  static final int MAX_REPLY_LENGTH = 4_000;

  private final ReviewOutcomeStore outcomes;
  private final Reviewers reviewers;
  private final CaseApprovals approvals;
  private final RoutingFacts facts;

  ReviewCompletion(
      ReviewOutcomeStore outcomes,
      Reviewers reviewers,
      CaseApprovals approvals,
      RoutingFacts facts) {
    this.outcomes = outcomes;
    this.reviewers = reviewers;
    this.approvals = approvals;
    this.facts = facts;
  }

  @Override
  public void notify(DelegateTask task) {
    facts.verify(task.getProcessInstanceId(), task);
    ReviewDecision decision = decision(task.getVariable("reviewDecision"));
    String correctedIntent = text(task.getVariable("correctedIntent"));
    String finalReply = text(task.getVariable("finalReply"));
    List<String> problems = new ArrayList<>();
    if (decision == ReviewDecision.CHANGE_INTENT && correctedIntent == null) {
      problems.add("choose the corrected intent");
    }
    if (decision == ReviewDecision.REJECT && text(task.getVariable("rejectReason")) == null) {
      problems.add("a rejection needs a reason");
    }
    if (decision != ReviewDecision.REJECT && finalReply == null) {
      problems.add("the reply must not be empty");
    }
    if (finalReply != null && finalReply.length() > MAX_REPLY_LENGTH) {
      problems.add(
          "the reply has %d characters; the limit is %d"
              .formatted(finalReply.length(), MAX_REPLY_LENGTH));
    }
    if (reviewers.current(task) == null) {
      problems.add("claim the task first, so the decision has a name");
    }
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(String.join("; ", problems));
    }

    String reviewer = reviewers.current(task);
    String aiIntent = (String) task.getVariable("intent");
    String finalIntent =
        decision == ReviewDecision.CHANGE_INTENT
            ? correctedIntent
            : String.valueOf(task.getVariable("finalIntent"));
    task.setVariable("finalIntent", finalIntent);
    task.setVariable("reviewedBy", reviewer);
    task.setVariable(
        "replyEdited", finalReply != null && !finalReply.equals(task.getVariable("reply")));
    String processInstanceId = task.getProcessInstanceId();
    approvals.revoke(processInstanceId);
    if (decision == ReviewDecision.APPROVE) {
      approvals.approve(
          processInstanceId, CaseApprovals.Stage.FIRST, reviewer, ReplyAction.digest(task));
    }
    if (outcomes.count(processInstanceId) > 0) {
      return; // one labelled example per case: a later round reviews the reviewer's correction
    }
    outcomes.record(
        new ReviewOutcome(
            task.getId(),
            task.getProcessInstanceId(),
            orUnknown(task.getVariable("taskType")),
            orUnknown(task.getVariable("aiModel")),
            (String) task.getVariable("message"),
            aiIntent,
            decision == ReviewDecision.REJECT ? null : finalIntent,
            decision,
            reviewer,
            Instant.now()));
  }

  private static String orUnknown(Object value) {
    return value == null ? "unknown" : String.valueOf(value);
  }

  static ReviewDecision decision(Object value) {
    try {
      return ReviewDecision.valueOf(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new InvalidReviewException(
          "reviewDecision must be one of %s, not %s"
              .formatted(List.of(ReviewDecision.values()), value));
    }
  }

  static String text(Object value) {
    return value instanceof String text && !text.isBlank() ? text : null;
  }

  /** The action a customer-request approval covers: sending this reply to this customer. */
  static final class ReplyAction {

    private ReplyAction() {}

    static String digest(org.camunda.bpm.engine.delegate.VariableScope variables) {
      return ApprovalDigest.of(
          java.util.Map.of(
              "customerId", String.valueOf(variables.getVariable("customerId")),
              "intent", String.valueOf(variables.getVariable("finalIntent")),
              "reply", String.valueOf(variables.getVariable("finalReply"))));
    }
  }
}
