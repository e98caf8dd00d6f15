package io.baton.governance;

import io.baton.connectors.vocabulary.Route;
import io.baton.governance.CaseApprovals.Approval;
import io.baton.governance.CaseApprovals.CaseRouting;
import io.baton.governance.CaseApprovals.Stage;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The gate every tool passes before it acts: a tool task says in the diagram ({@value #PROPERTY})
 * whether it needs approval: {@code always}, {@code as-routed} (unless routing auto-executed the
 * case) or {@code none}; a tool task that does not say needs it always. Where approval is needed,
 * the case must carry a first approval of this very action whose digest matches the arguments it
 * acts with now, and where four eyes apply a second one by another person with the same digest.
 * Anything else withdraws the approvals, and the case goes back to review.
 */
@Component
public class ApprovalGate {

  public static final String PROPERTY = "baton.approval";
  public static final String APPROVAL_REQUIRED = "APPROVAL_REQUIRED";

  private final CaseApprovals approvals;

  ApprovalGate(CaseApprovals approvals) {
    this.approvals = approvals;
  }

  /** Why the action may not act now, or empty when it may; a refusal withdraws the approvals. */
  public Optional<String> refusal(
      String caseId, BpmnModelInstance diagram, String activityId, String digest) {
    Optional<String> refusal = check(caseId, diagram, activityId, digest);
    refusal.ifPresent(
        reason -> approvals.withdraw(caseId, "approval gate of " + activityId, reason));
    return refusal;
  }

  private Optional<String> check(
      String caseId, BpmnModelInstance diagram, String activityId, String digest) {
    String policy =
        Objects.requireNonNullElse(
            ElementProperties.of((ModelElementInstance) diagram.getModelElementById(activityId))
                .get(PROPERTY),
            "always");
    if (policy.equals("none")) {
      return Optional.empty();
    }
    Optional<CaseRouting> routing = approvals.routing(caseId);
    if (policy.equals("as-routed")
        && routing.map(r -> Route.AUTO_EXECUTE.name().equals(r.route())).orElse(false)) {
      return Optional.empty();
    }
    if (!policy.equals("always") && !policy.equals("as-routed")) {
      return Optional.of(
          "'%s' has %s '%s'; it must be always, as-routed or none"
              .formatted(activityId, PROPERTY, policy));
    }
    Optional<Approval> first = approvals.approval(caseId, Stage.FIRST);
    if (first.isEmpty()) {
      return Optional.of("'%s' needs an approval and the case has none".formatted(activityId));
    }
    Optional<String> mismatch = mismatch(first.get(), activityId, digest, "approved");
    if (mismatch.isPresent()) {
      return mismatch;
    }
    if (routing.map(CaseRouting::fourEyes).orElse(true)) {
      Optional<Approval> second = approvals.approval(caseId, Stage.SECOND);
      if (second.isEmpty()) {
        return Optional.of(
            "'%s' needs a second approval (four eyes) and the case has none".formatted(activityId));
      }
      if (Objects.equals(second.get().approver(), first.get().approver())) {
        return Optional.of(
            "four eyes: %s gave both approvals of '%s'"
                .formatted(first.get().approver(), activityId));
      }
      return mismatch(second.get(), activityId, digest, "confirmed");
    }
    return Optional.empty();
  }

  private static Optional<String> mismatch(
      Approval approval, String activityId, String digest, String verb) {
    if (!activityId.equals(approval.actionId())) {
      return Optional.of(
          "%s %s '%s', not '%s'"
              .formatted(approval.approver(), verb, approval.actionId(), activityId));
    }
    if (!approval.digest().equals(digest)) {
      return Optional.of(
          "the arguments of '%s' changed after %s %s them: they must be approved again"
              .formatted(activityId, approval.approver(), verb));
    }
    return Optional.empty();
  }
}
