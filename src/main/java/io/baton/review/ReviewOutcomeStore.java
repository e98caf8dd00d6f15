package io.baton.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reviewer outcomes in {@code baton_review_outcome}. Writes join the engine's transaction, so
 * an outcome exists exactly when its task completion committed.
 */
@Repository
public class ReviewOutcomeStore {

  /** Accuracy looks at this many recent decisions, so it follows a model that changes. */
  static final int WINDOW = 200;

  private final JdbcTemplate jdbc;

  public ReviewOutcomeStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(ReviewOutcome outcome) {
    jdbc.update(
        "INSERT INTO baton_review_outcome (task_id, process_instance_id, task_type, model,"
            + " input_text, ai_answer, final_answer, decision, reviewer, decided_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        outcome.taskId(),
        outcome.processInstanceId(),
        outcome.taskType(),
        outcome.model(),
        outcome.inputText(),
        outcome.aiAnswer(),
        outcome.finalAnswer(),
        outcome.decision().name(),
        outcome.reviewer(),
        Timestamp.from(outcome.decidedAt()));
  }

  public ModelAccuracy accuracy(String model, String taskType) {
    int[] counts = new int[ReviewDecision.values().length];
    jdbc.query(
        "SELECT decision FROM baton_review_outcome WHERE model = ? AND task_type = ?"
            + " ORDER BY decided_at DESC FETCH FIRST "
            + WINDOW
            + " ROWS ONLY",
        rs -> {
          counts[ReviewDecision.parse(rs.getString(1)).ordinal()]++;
        },
        model,
        taskType);
    return new ModelAccuracy(
        counts[ReviewDecision.APPROVE.ordinal()],
        counts[ReviewDecision.CHANGE_LABEL.ordinal()],
        counts[ReviewDecision.REJECT.ordinal()]);
  }

  /** Accuracy of every model on every task type that reviewers have decided on. */
  public List<ModelTaskAccuracy> accuracyByModelAndTaskType() {
    return accuracyByModelAndTaskType(Instant.EPOCH);
  }

  /** The same, of the decisions made since then. */
  public List<ModelTaskAccuracy> accuracyByModelAndTaskType(Instant since) {
    Map<List<String>, int[]> counts =
        new TreeMap<>(
            Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
    jdbc.query(
        "SELECT model, task_type, decision, COUNT(*) FROM baton_review_outcome"
            + " WHERE decided_at >= ? GROUP BY model, task_type, decision",
        rs -> {
          int[] perDecision =
              counts.computeIfAbsent(
                  List.of(rs.getString(1), rs.getString(2)),
                  k -> new int[ReviewDecision.values().length]);
          perDecision[ReviewDecision.parse(rs.getString(3)).ordinal()] += rs.getInt(4);
        },
        Timestamp.from(since));
    return counts.entrySet().stream()
        .map(
            e ->
                new ModelTaskAccuracy(
                    e.getKey().get(0),
                    e.getKey().get(1),
                    new ModelAccuracy(
                        e.getValue()[ReviewDecision.APPROVE.ordinal()],
                        e.getValue()[ReviewDecision.CHANGE_LABEL.ordinal()],
                        e.getValue()[ReviewDecision.REJECT.ordinal()])))
        .toList();
  }

  /** The accuracy of one model on one task type. */
  public record ModelTaskAccuracy(String model, String taskType, ModelAccuracy decisions) {}

  public int count(String processInstanceId) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM baton_review_outcome WHERE process_instance_id = ?",
            Integer.class,
            processInstanceId);
    return count == null ? 0 : count;
  }
}
