package io.baton.requests;

import io.baton.governance.CaseApprovals;
import io.baton.governance.CaseApprovals.CaseRouting;
import io.baton.governance.CaseApprovals.Stage;
import io.baton.governance.RoutingPolicy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the final reply by writing it to the reply outbox, in the engine's own transaction, so the
 * reply is handed over exactly when the process moves on. Before it acts, it checks the policy as
 * recorded by routing (not as variables say): a reply that was not auto-executed needs an approval
 * whose digest matches the reply as it is now, and a second one by another person where four eyes
 * are required; otherwise it withdraws the approvals, raises {@value #APPROVAL_REQUIRED}, and
 * nothing is sent.
 */
@Component("sendReply")
public class SendReply implements JavaDelegate {

  static final String APPROVAL_REQUIRED = "APPROVAL_REQUIRED";

  private final JdbcTemplate jdbc;
  private final CaseApprovals approvals;

  SendReply(JdbcTemplate jdbc, CaseApprovals approvals) {
    this.jdbc = jdbc;
    this.approvals = approvals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = execution.getProcessInstanceId();
    String digest = ReviewCompletion.ReplyAction.digest(execution);
    CaseRouting routing =
        approvals
            .routing(caseId)
            .orElseThrow(() -> new IllegalStateException("case " + caseId + " was never routed"));
    if (!RoutingPolicy.AUTO_EXECUTE.equals(routing.route())) {
      requireApproval(caseId, Stage.FIRST, digest);
      if (routing.fourEyes()) {
        requireApproval(caseId, Stage.SECOND, digest);
      }
    }
    String key = caseId + ":" + execution.getCurrentActivityId();
    Integer sent =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM baton_reply_outbox WHERE idempotency_key = ?",
            Integer.class,
            key);
    if (sent == null || sent == 0) {
      jdbc.update(
          "INSERT INTO baton_reply_outbox (idempotency_key, process_instance_id, customer_id,"
              + " reply_text, approval_digest, created_at) VALUES (?, ?, ?, ?, ?, ?)",
          key,
          caseId,
          execution.getVariable("customerId"),
          execution.getVariable("finalReply"),
          digest,
          Timestamp.from(Instant.now()));
    }
    execution.setVariable("replySent", true);
  }

  private void requireApproval(String caseId, Stage stage, String digest) {
    Optional<CaseApprovals.Approval> approval = approvals.approval(caseId, stage);
    String what = stage == Stage.FIRST ? "approval" : "second approval";
    if (approval.isEmpty()) {
      approvals.revoke(caseId);
      throw new BpmnError(APPROVAL_REQUIRED, "the reply has no " + what);
    }
    if (!approval.get().digest().equals(digest)) {
      approvals.revoke(caseId);
      throw new BpmnError(
          APPROVAL_REQUIRED, "the reply changed after its " + what + ": it must be approved again");
    }
  }
}
