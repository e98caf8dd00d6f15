package io.baton.requests;

import io.baton.governance.ActionArguments;
import io.baton.governance.ActionArguments.Action;
import io.baton.governance.ApprovalGate;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the reply ({@code customerId} and {@code reply}, the task's input mappings) by writing it
 * to the reply outbox, in the engine's own transaction, so the reply is handed over exactly when
 * the process moves on. It passes the same {@link ApprovalGate} as every tool first: without the
 * approval its policy asks for, bound to these exact arguments, it raises {@value
 * ApprovalGate#APPROVAL_REQUIRED} and nothing is sent.
 */
@Component("sendReply")
public class SendReply implements JavaDelegate {

  private final JdbcTemplate jdbc;
  private final ApprovalGate gate;
  private final ActionArguments actions;

  SendReply(JdbcTemplate jdbc, ApprovalGate gate, ActionArguments actions) {
    this.jdbc = jdbc;
    this.gate = gate;
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = execution.getProcessInstanceId();
    Action action = actions.running(execution);
    gate.refusal(caseId, execution.getBpmnModelInstance(), action.activityId(), action.digest())
        .ifPresent(
            reason -> {
              throw new BpmnError(ApprovalGate.APPROVAL_REQUIRED, reason);
            });
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
          action.arguments().get("customerId"),
          action.arguments().get("reply"),
          action.digest(),
          Timestamp.from(Instant.now()));
    }
    execution.setVariable("replySent", true);
  }
}
