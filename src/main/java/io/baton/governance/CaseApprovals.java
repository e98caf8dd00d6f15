package io.baton.governance;

import io.baton.audit.CaseTrail;
import io.baton.audit.TrailEvent;
import io.baton.audit.TrailKind;
import io.baton.connectors.vocabulary.Route;
import io.baton.security.expressions.ExpressionApi;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The routing record and the approvals of each case, in Baton's tables inside the engine's
 * transaction, appended and never rewritten: a case routed again gets a new routing row, and a
 * withdrawal is a new row after the approvals it withdraws. Process variables show them to people;
 * decisions that guard a side effect read them from here, because a task completion or a REST call
 * can set any variable.
 */
@Component("caseApprovals")
public class CaseApprovals {

  /** The first approval, and the second one where four eyes are required. */
  public enum Stage {
    FIRST,
    SECOND
  }

  private static final String APPROVED = "APPROVED";
  private static final String WITHDRAWN = "WITHDRAWN";

  private final JdbcTemplate jdbc;
  private final CaseTrail trail;

  public CaseApprovals(JdbcTemplate jdbc, CaseTrail trail) {
    this.jdbc = jdbc;
    this.trail = trail;
  }

  public void recordRouting(String processInstanceId, CaseRouting routing) {
    recordRouting(processInstanceId, routing, "engine", Map.of());
  }

  /**
   * Appends a routing of the case, and to its trail with who or what routed it and the evidence
   * (the decision's inputs and the rules that matched).
   */
  public void recordRouting(
      String processInstanceId, CaseRouting routing, String actor, Map<String, ?> evidence) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("decisionKey", routing.decisionKey());
    payload.putAll(evidence);
    payload.put("route", routing.route());
    payload.put("fourEyes", routing.fourEyes());
    payload.put("reason", routing.reason());
    trail.append(
        processInstanceId, TrailEvent.of(TrailKind.ROUTING, actor, routing.activityId(), payload));
    jdbc.update(
        "INSERT INTO baton_routing_record (process_instance_id, activity_id, decision_key, route,"
            + " four_eyes, reason, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        processInstanceId,
        routing.activityId(),
        routing.decisionKey(),
        routing.route(),
        routing.fourEyes(),
        clip(routing.reason()),
        Timestamp.from(Instant.now()));
  }

  /** The latest routing of the case. */
  public Optional<CaseRouting> routing(String processInstanceId) {
    return routings(processInstanceId).stream().reduce((first, second) -> second);
  }

  /** Every routing of the case, oldest first. */
  public List<CaseRouting> routings(String processInstanceId) {
    return jdbc.query(
        "SELECT activity_id, decision_key, route, four_eyes, reason, decided_at"
            + " FROM baton_routing_record WHERE process_instance_id = ? ORDER BY id",
        (rs, row) ->
            new CaseRouting(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getBoolean(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant()),
        processInstanceId);
  }

  /** For the diagram's route gateway: the recorded route, {@code ESCALATE} when none. */
  @ExpressionApi
  public String route(String processInstanceId) {
    return routing(processInstanceId).map(CaseRouting::route).orElse(Route.ESCALATE.name());
  }

  /** For the diagram's four-eyes gateway: {@code ${caseApprovals.fourEyesRequired(...)}}. */
  @ExpressionApi
  public boolean fourEyesRequired(String processInstanceId) {
    return routing(processInstanceId).map(CaseRouting::fourEyes).orElse(true);
  }

  /**
   * Appends an approval of the action {@code actionId} with the digest of its arguments; a new
   * approval at a stage replaces the one before it at that stage.
   */
  public void approve(
      String processInstanceId, Stage stage, String approver, String actionId, String digest) {
    trail.append(
        processInstanceId,
        TrailEvent.of(
            TrailKind.APPROVAL,
            approver,
            null,
            Map.of("stage", stage.name(), "action", String.valueOf(actionId), "digest", digest)));
    jdbc.update(
        "INSERT INTO baton_approval_record (process_instance_id, kind, stage, actor, action_id,"
            + " digest, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        processInstanceId,
        APPROVED,
        stage.name(),
        approver,
        actionId,
        digest,
        Timestamp.from(Instant.now()));
  }

  /** The approval that holds now at a stage: the latest one after the latest withdrawal. */
  public Optional<Approval> approval(String processInstanceId, Stage stage) {
    Approval current = null;
    for (Approval record : approvals(processInstanceId)) {
      if (record.withdrawal()) {
        current = null;
      } else if (stage.name().equals(record.stage())) {
        current = record;
      }
    }
    return Optional.ofNullable(current);
  }

  /** Every approval and withdrawal of the case, oldest first. */
  public List<Approval> approvals(String processInstanceId) {
    return jdbc.query(
        "SELECT kind, stage, actor, action_id, digest, reason, recorded_at"
            + " FROM baton_approval_record WHERE process_instance_id = ? ORDER BY id",
        (rs, row) ->
            new Approval(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant()),
        processInstanceId);
  }

  /**
   * Withdraws every approval that holds: what was approved is no longer what would act. Appends a
   * withdrawal only when there is something to withdraw.
   */
  public void withdraw(String processInstanceId, String actor, String reason) {
    if (approval(processInstanceId, Stage.FIRST).isEmpty()
        && approval(processInstanceId, Stage.SECOND).isEmpty()) {
      return;
    }
    trail.append(
        processInstanceId,
        TrailEvent.of(TrailKind.WITHDRAWAL, actor, null, Map.of("reason", String.valueOf(reason))));
    jdbc.update(
        "INSERT INTO baton_approval_record (process_instance_id, kind, actor, reason, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        processInstanceId,
        WITHDRAWN,
        actor,
        clip(reason),
        Timestamp.from(Instant.now()));
  }

  private static String clip(String text) {
    return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
  }

  /** What a routing decided for a case, at which task and by which decision. */
  public record CaseRouting(
      String activityId,
      String decisionKey,
      String route,
      boolean fourEyes,
      String reason,
      Instant decidedAt) {

    public CaseRouting(
        String activityId, String decisionKey, String route, boolean fourEyes, String reason) {
      this(activityId, decisionKey, route, fourEyes, reason, null);
    }
  }

  /**
   * An approval ({@code kind} APPROVED: who approved which action with which digest) or a
   * withdrawal (WITHDRAWN: who or what withdrew the approvals before it, and why).
   */
  public record Approval(
      String kind,
      String stage,
      String actor,
      String actionId,
      String digest,
      String reason,
      Instant recordedAt) {

    public boolean withdrawal() {
      return WITHDRAWN.equals(kind);
    }

    public String approver() {
      return actor;
    }
  }
}
