package io.baton.requests;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the review tasks: checks the reviewer's decision and records who decided and
 * the intent that stands. A decision that breaks a rule refuses the completion with a message the
 * reviewer sees, and the task stays open.
 */
@Component("reviewOutcome")
public class ReviewOutcome implements TaskListener {

  static final String APPROVE = "APPROVE";
  static final String CHANGE_INTENT = "CHANGE_INTENT";
  static final String REJECT = "REJECT";

  private final IdentityService identity;

  ReviewOutcome(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable("reviewDecision");
    Object correctedIntent = task.getVariable("correctedIntent");
    Object rejectReason = task.getVariable("rejectReason");
    List<String> problems = new ArrayList<>();
    if (!List.of(APPROVE, CHANGE_INTENT, REJECT).contains(decision)) {
      problems.add("reviewDecision must be APPROVE, CHANGE_INTENT or REJECT, not " + decision);
    }
    if (CHANGE_INTENT.equals(decision) && isBlank(correctedIntent)) {
      problems.add("choose the corrected intent");
    }
    if (REJECT.equals(decision) && isBlank(rejectReason)) {
      problems.add("a rejection needs a reason");
    }
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(String.join("; ", problems));
    }
    task.setVariable(
        "finalIntent",
        CHANGE_INTENT.equals(decision) ? correctedIntent : task.getVariable("intent"));
    task.setVariable("reviewedBy", reviewer(task));
  }

  private String reviewer(DelegateTask task) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
    }
    return task.getAssignee();
  }

  private static boolean isBlank(Object value) {
    return !(value instanceof String text) || text.isBlank();
  }
}
