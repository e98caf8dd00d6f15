package io.baton.requests;

import io.baton.review.ApprovalDigest;
import io.baton.review.ReviewDecision;
import io.baton.review.ReviewOutcome;
import io.baton.review.ReviewOutcomeStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the first review of a customer request (reviewer or supervisor): checks the
 * decision, makes the reviewer's answer final, binds an approval to the digest of the reply it
 * approves, and stores the decision as a labelled example. A decision that breaks a rule refuses
 * the completion with a message the reviewer sees, and the task stays open.
 */
@Component("reviewCompletion")
public class ReviewCompletion implements TaskListener {

  private final ReviewOutcomeStore outcomes;
  private final Reviewers reviewers;

  ReviewCompletion(ReviewOutcomeStore outcomes, Reviewers reviewers) {
    this.outcomes = outcomes;
    this.reviewers = reviewers;
  }

  @Override
  public void notify(DelegateTask task) {
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
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(String.join("; ", problems));
    }

    String reviewer = reviewers.current(task);
    String aiIntent = (String) task.getVariable("intent");
    String finalIntent = decision == ReviewDecision.CHANGE_INTENT ? correctedIntent : aiIntent;
    task.setVariable("finalIntent", finalIntent);
    task.setVariable("reviewedBy", reviewer);
    task.setVariable(
        "replyEdited", finalReply != null && !finalReply.equals(task.getVariable("reply")));
    if (decision != ReviewDecision.REJECT) {
      task.setVariable("approvalDigest", ReplyAction.digest(task));
    }
    outcomes.record(
        new ReviewOutcome(
            task.getId(),
            task.getProcessInstanceId(),
            (String) task.getVariable("taskType"),
            (String) task.getVariable("aiModel"),
            (String) task.getVariable("message"),
            aiIntent,
            decision == ReviewDecision.REJECT ? null : finalIntent,
            decision,
            reviewer,
            Instant.now()));
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
