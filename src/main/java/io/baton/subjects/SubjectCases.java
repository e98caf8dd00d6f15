package io.baton.subjects;

import io.baton.governance.CaseApprovals;
import io.baton.governance.CaseApprovals.CaseRouting;
import io.baton.governance.CaseApprovals.Stage;
import io.baton.subjects.SubjectCase.ReviewedAs;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cases of each subject, in Baton's table {@code baton_subject_case}: recorded when a case of a
 * process with {@code baton.subject} starts, labelled when it is routed, closed when it ends; and
 * read back newest first, a bounded number at a time, with what routing, reviewers and approvals
 * recorded for each.
 */
@Component
public class SubjectCases {

  private static final String APPROVAL_FREE_ROUTE = "AUTO_EXECUTE";
  private static final String CHANGE_LABEL = "CHANGE_LABEL";

  private final JdbcTemplate jdbc;
  private final CaseApprovals approvals;

  SubjectCases(JdbcTemplate jdbc, CaseApprovals approvals) {
    this.jdbc = jdbc;
    this.approvals = approvals;
  }

  void opened(String processInstanceId, Subject subject, String processKey, Instant at) {
    jdbc.update(
        "INSERT INTO baton_subject_case (process_instance_id, subject_key, subject_id,"
            + " process_definition_key, started_at) VALUES (?, ?, ?, ?, ?)",
        processInstanceId,
        subject.key(),
        subject.id(),
        processKey,
        Timestamp.from(at));
  }

  void labelled(String processInstanceId, String label) {
    jdbc.update(
        "UPDATE baton_subject_case SET label = ? WHERE process_instance_id = ?",
        label == null ? null : clip(label, 200),
        processInstanceId);
  }

  void closed(String processInstanceId, String outcome, Instant at) {
    jdbc.update(
        "UPDATE baton_subject_case SET ended_at = ?, outcome = ?"
            + " WHERE process_instance_id = ? AND ended_at IS NULL",
        Timestamp.from(at),
        outcome == null ? null : clip(outcome, 255),
        processInstanceId);
  }

  /**
   * The subject of a case; empty when its process names none (or it began before Baton kept it).
   */
  public Optional<Subject> subjectOf(String processInstanceId) {
    return jdbc
        .query(
            "SELECT subject_key, subject_id FROM baton_subject_case WHERE process_instance_id = ?",
            (rs, row) -> new Subject(rs.getString(1), rs.getString(2)),
            processInstanceId)
        .stream()
        .findFirst();
  }

  /**
   * The subject's cases, newest first, at most {@code limit}, leaving out {@code except} (the case
   * asking); with {@code openOnly}, only those not ended.
   */
  public List<SubjectCase> cases(Subject subject, String except, boolean openOnly, int limit) {
    List<Row> rows =
        jdbc.query(
            "SELECT process_instance_id, process_definition_key, started_at, ended_at, label,"
                + " outcome FROM baton_subject_case WHERE subject_key = ? AND subject_id = ?"
                + " AND process_instance_id <> ?"
                + (openOnly ? " AND ended_at IS NULL" : "")
                + " ORDER BY started_at DESC, process_instance_id DESC"
                + " OFFSET 0 ROWS FETCH FIRST "
                + Math.max(0, limit)
                + " ROWS ONLY",
            SubjectCases::row,
            subject.key(),
            subject.id(),
            except == null ? "" : except);
    List<SubjectCase> cases = new ArrayList<>();
    for (Row row : rows) {
      cases.add(state(row));
    }
    return cases;
  }

  private SubjectCase state(Row row) {
    Optional<CaseRouting> routing = approvals.routing(row.processInstanceId());
    boolean open = row.endedAt() == null;
    List<String> pending = new ArrayList<>();
    if (open && routing.isPresent() && !APPROVAL_FREE_ROUTE.equals(routing.get().route())) {
      if (approvals.approval(row.processInstanceId(), Stage.FIRST).isEmpty()) {
        pending.add(Stage.FIRST.name());
      }
      if (routing.get().fourEyes()
          && approvals.approval(row.processInstanceId(), Stage.SECOND).isEmpty()) {
        pending.add(Stage.SECOND.name());
      }
    }
    List<ReviewedAs> decisions = decisions(row.processInstanceId());
    return new SubjectCase(
        row.processInstanceId(),
        row.process(),
        row.startedAt(),
        row.endedAt(),
        row.label(),
        open,
        row.outcome(),
        routing.map(CaseRouting::route).orElse(null),
        routing.map(CaseRouting::reason).orElse(null),
        decisions.isEmpty() ? null : decisions.get(decisions.size() - 1),
        decisions.stream()
            .filter(d -> CHANGE_LABEL.equals(d.decision()))
            .reduce((first, second) -> second)
            .orElse(null),
        pending);
  }

  /** The reviewers' decisions on a case, oldest first. */
  private List<ReviewedAs> decisions(String processInstanceId) {
    return jdbc.query(
        "SELECT decision, ai_answer, final_answer, reviewer, decided_at"
            + " FROM baton_review_outcome WHERE process_instance_id = ?"
            + " ORDER BY decided_at, task_id",
        (rs, n) ->
            new ReviewedAs(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant()),
        processInstanceId);
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    Timestamp ended = rs.getTimestamp(4);
    return new Row(
        rs.getString(1),
        rs.getString(2),
        rs.getTimestamp(3).toInstant(),
        ended == null ? null : ended.toInstant(),
        rs.getString(5),
        rs.getString(6));
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  private record Row(
      String processInstanceId,
      String process,
      Instant startedAt,
      Instant endedAt,
      String label,
      String outcome) {}
}
