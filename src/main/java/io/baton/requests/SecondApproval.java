package io.baton.requests;

import io.baton.governance.CaseApprovals;
import io.baton.governance.RoutingFacts;
import io.baton.review.ReviewDecision;
import io.baton.review.Reviewers;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the four-eyes approval: the second approver must be another person than the
 * first, and approves exactly the reply the first approved (same digest).
 */
@Component("secondApproval")
public class SecondApproval implements TaskListener {

  private final Reviewers reviewers;
  private final CaseApprovals approvals;
  private final RoutingFacts facts;

  SecondApproval(Reviewers reviewers, CaseApprovals approvals, RoutingFacts facts) {
    this.reviewers = reviewers;
    this.approvals = approvals;
    this.facts = facts;
  }

  @Override
  public void notify(DelegateTask task) {
    facts.verify(task.getProcessInstanceId(), task);
    ReviewDecision decision = ReviewCompletion.decision(task.getVariable("secondDecision"));
    if (decision == ReviewDecision.CHANGE_INTENT) {
      throw new InvalidReviewException(
          "the second approval approves or rejects; it does not change the intent");
    }
    String approver = reviewers.current(task);
    String firstApprover =
        approvals
            .approval(task.getProcessInstanceId(), CaseApprovals.Stage.FIRST)
            .map(CaseApprovals.Approval::approver)
            .orElseThrow(() -> new InvalidReviewException("there is no first approval to confirm"));
    if (approver == null) {
      throw new InvalidReviewException(
          "the second approval needs a known approver: claim the task first");
    }
    if (Objects.equals(approver, firstApprover)) {
      throw new InvalidReviewException(
          "four eyes: %s approved this case already; another person must give the second approval"
              .formatted(approver));
    }
    if (decision == ReviewDecision.REJECT
        && ReviewCompletion.text(task.getVariable("secondRejectReason")) == null) {
      throw new InvalidReviewException("a rejection needs a reason");
    }
    String digest = ReviewCompletion.ReplyAction.digest(task);
    String firstDigest =
        approvals
            .approval(task.getProcessInstanceId(), CaseApprovals.Stage.FIRST)
            .map(CaseApprovals.Approval::digest)
            .orElse(null);
    if (decision == ReviewDecision.APPROVE && !digest.equals(firstDigest)) {
      throw new InvalidReviewException(
          "the reply differs from the one %s approved: a second approval confirms it unchanged"
              .formatted(firstApprover));
    }
    task.setVariable("secondApprovedBy", approver);
    if (decision == ReviewDecision.APPROVE) {
      approvals.approve(
          task.getProcessInstanceId(),
          CaseApprovals.Stage.SECOND,
          approver,
          ReviewCompletion.ReplyAction.digest(task));
    } else {
      approvals.revoke(task.getProcessInstanceId());
    }
  }
}
