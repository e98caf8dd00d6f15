package io.baton.requests;

import io.baton.routing.RoutingPolicy;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the final reply by writing it to the reply outbox, in the engine's own transaction, so the
 * reply is handed over exactly when the process moves on. Before it acts, it checks the policy: a
 * reply that was not auto-executed needs an approval whose digest matches the reply as it is now
 * (and a second one where four eyes are required); otherwise it raises {@value #APPROVAL_REQUIRED}
 * and nothing is sent.
 */
@Component("sendReply")
public class SendReply implements JavaDelegate {

  static final String APPROVAL_REQUIRED = "APPROVAL_REQUIRED";

  private final JdbcTemplate jdbc;

  SendReply(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String digest = ReviewCompletion.ReplyAction.digest(execution);
    if (!RoutingPolicy.AUTO_EXECUTE.equals(execution.getVariable("route"))) {
      requireApproval(execution, "approvalDigest", digest, "approval");
      if (Boolean.TRUE.equals(execution.getVariable("fourEyesRequired"))) {
        requireApproval(execution, "secondApprovalDigest", digest, "second approval");
      }
    }
    String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
    try {
      jdbc.update(
          "INSERT INTO baton_reply_outbox (idempotency_key, process_instance_id, customer_id,"
              + " reply_text, approval_digest, created_at) VALUES (?, ?, ?, ?, ?, ?)",
          key,
          execution.getProcessInstanceId(),
          execution.getVariable("customerId"),
          execution.getVariable("finalReply"),
          digest,
          Timestamp.from(Instant.now()));
    } catch (DuplicateKeyException alreadySent) {
      // the reply of this case was handed over before; handing it over again would send it twice
    }
    execution.setVariable("replySent", true);
  }

  private static void requireApproval(
      DelegateExecution execution, String variable, String digest, String what) {
    Object approved = execution.getVariable(variable);
    if (approved == null) {
      throw new BpmnError(APPROVAL_REQUIRED, "the reply has no %s".formatted(what));
    }
    if (!approved.equals(digest)) {
      execution.removeVariable("approvalDigest");
      execution.removeVariable("secondApprovalDigest");
      throw new BpmnError(
          APPROVAL_REQUIRED,
          "the reply changed after its %s: it must be approved again".formatted(what));
    }
  }
}
