package io.baton.governance;

import io.baton.security.expressions.ExpressionApi;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The routing decision and the approvals of each case, in Baton's tables inside the engine's
 * transaction. Process variables show them to people; decisions that guard a side effect read them
 * from here, because a task completion or a REST call can set any variable.
 */
@Component("caseApprovals")
public class CaseApprovals {

  /** The first approval, and the second one where four eyes are required. */
  public enum Stage {
    FIRST,
    SECOND
  }

  private final JdbcTemplate jdbc;

  public CaseApprovals(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void recordRouting(
      String processInstanceId, String route, boolean fourEyes, String reason) {
    jdbc.update("DELETE FROM baton_case_routing WHERE process_instance_id = ?", processInstanceId);
    jdbc.update(
        "INSERT INTO baton_case_routing (process_instance_id, route, four_eyes, reason, decided_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        processInstanceId,
        route,
        fourEyes,
        reason,
        Timestamp.from(Instant.now()));
  }

  public Optional<CaseRouting> routing(String processInstanceId) {
    return jdbc
        .query(
            "SELECT route, four_eyes, reason FROM baton_case_routing WHERE process_instance_id = ?",
            (rs, row) -> new CaseRouting(rs.getString(1), rs.getBoolean(2), rs.getString(3)),
            processInstanceId)
        .stream()
        .findFirst();
  }

  /** For the diagram's route gateway: the recorded route, {@code ESCALATE} when none. */
  @ExpressionApi
  public String route(String processInstanceId) {
    return routing(processInstanceId).map(CaseRouting::route).orElse("ESCALATE");
  }

  /** For the diagram's four-eyes gateway: {@code ${caseApprovals.fourEyesRequired(...)}}. */
  @ExpressionApi
  public boolean fourEyesRequired(String processInstanceId) {
    return routing(processInstanceId).map(CaseRouting::fourEyes).orElse(true);
  }

  public void approve(String processInstanceId, Stage stage, String approver, String digest) {
    jdbc.update(
        "DELETE FROM baton_approval WHERE process_instance_id = ? AND stage = ?",
        processInstanceId,
        stage.name());
    jdbc.update(
        "INSERT INTO baton_approval (process_instance_id, stage, approver, digest, approved_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        processInstanceId,
        stage.name(),
        approver,
        digest,
        Timestamp.from(Instant.now()));
  }

  public Optional<Approval> approval(String processInstanceId, Stage stage) {
    return jdbc
        .query(
            "SELECT approver, digest FROM baton_approval WHERE process_instance_id = ? AND stage = ?",
            (rs, row) -> new Approval(rs.getString(1), rs.getString(2)),
            processInstanceId,
            stage.name())
        .stream()
        .findFirst();
  }

  /** Withdraws every approval of the case: what was approved is no longer what would act. */
  public void revoke(String processInstanceId) {
    jdbc.update("DELETE FROM baton_approval WHERE process_instance_id = ?", processInstanceId);
  }

  /** What routing decided for a case. */
  public record CaseRouting(String route, boolean fourEyes, String reason) {}

  /** Who approved, and the digest of what they approved. */
  public record Approval(String approver, String digest) {}
}
