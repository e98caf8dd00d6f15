package io.baton.learning;

import io.baton.models.LearnedExamples;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The examples learned from reviewers, in {@code baton_learned_example}. A correction waits ({@code
 * PENDING}) until its review is completed with an approval of the corrected label; only then
 * ({@code LEARNED}) does the model use it. Writes join the engine's transaction, so a correction
 * exists exactly when its task completion committed.
 */
@Repository
@EnableConfigurationProperties(LearningProperties.class)
public class LearnedExampleStore implements LearnedExamples {

  static final String PENDING = "PENDING";
  static final String LEARNED = "LEARNED";

  /** The newest rows of a label set read for the model, before the caps per label and reviewer. */
  private static final int SCAN = 5_000;

  private static final String COLUMNS =
      "id, label_set, label, ai_label, example_text, corrected_by, corrected_at, approved_by,"
          + " learned_at, process_instance_id, subject_key";

  private final JdbcTemplate jdbc;
  private final LearningProperties properties;

  public LearnedExampleStore(JdbcTemplate jdbc, LearningProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Keeps a correction until its review is completed; the case's earlier ones give way. */
  public void corrected(Correction correction) {
    jdbc.update(
        "DELETE FROM baton_learned_example WHERE process_instance_id = ? AND label_set = ?"
            + " AND status = ?",
        correction.processInstanceId(),
        correction.labelSet(),
        PENDING);
    jdbc.update(
        "INSERT INTO baton_learned_example (label_set, label, ai_label, example_text, status,"
            + " corrected_by, corrected_at, process_instance_id, subject_key)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        correction.labelSet(),
        correction.label(),
        correction.aiLabel(),
        correction.text(),
        PENDING,
        correction.reviewer(),
        Timestamp.from(correction.correctedAt()),
        correction.processInstanceId(),
        correction.subjectKey());
  }

  /**
   * A review of the case approved {@code label} (null: what an earlier approval of the case
   * approved). Corrections to another label are dropped; those to this label are learned when the
   * approval {@code completes} the review, and wait for the second approval otherwise.
   *
   * @return how many examples were learned
   */
  public int approved(String processInstanceId, String label, String approver, boolean completes) {
    if (label != null) {
      jdbc.update(
          "DELETE FROM baton_learned_example WHERE process_instance_id = ? AND status = ?"
              + " AND label <> ?",
          processInstanceId,
          PENDING,
          label);
    }
    if (!completes) {
      return 0;
    }
    return jdbc.update(
        "UPDATE baton_learned_example SET status = ?, approved_by = ?, learned_at = ?"
            + " WHERE process_instance_id = ? AND status = ?",
        LEARNED,
        approver,
        Timestamp.from(Instant.now()),
        processInstanceId,
        PENDING);
  }

  /** The case was rejected: its corrections teach nothing. */
  public void rejected(String processInstanceId) {
    jdbc.update(
        "DELETE FROM baton_learned_example WHERE process_instance_id = ? AND status = ?",
        processInstanceId,
        PENDING);
  }

  /** The examples the model uses: the newest of each label, within the caps. */
  @Override
  public List<LearnedExample> of(String labelSet) {
    return used(labelSet).stream()
        .map(e -> new LearnedExample(e.id(), e.label(), e.text()))
        .toList();
  }

  /** The same, as kept. */
  public List<StoredExample> used(String labelSet) {
    List<StoredExample> newest =
        jdbc.query(
            "SELECT "
                + COLUMNS
                + " FROM baton_learned_example WHERE label_set = ? AND status = ?"
                + " ORDER BY learned_at DESC, id DESC FETCH FIRST "
                + SCAN
                + " ROWS ONLY",
            LearnedExampleStore::stored,
            labelSet,
            LEARNED);
    Map<String, Integer> perLabel = new HashMap<>();
    Map<List<String>, Integer> perReviewer = new HashMap<>();
    List<StoredExample> used = new ArrayList<>();
    for (StoredExample example : newest) {
      int ofLabel = perLabel.merge(example.label(), 1, Integer::sum);
      int ofReviewer =
          perReviewer.merge(List.of(example.label(), example.correctedBy()), 1, Integer::sum);
      if (ofLabel <= properties.maxPerLabel() && ofReviewer <= properties.maxPerReviewer()) {
        used.add(example);
      } else {
        perLabel.merge(example.label(), -1, Integer::sum);
      }
    }
    return used;
  }

  /** Removes every example a reviewer's corrections taught, learned or waiting. */
  public int removeByReviewer(String reviewer) {
    return jdbc.update("DELETE FROM baton_learned_example WHERE corrected_by = ?", reviewer);
  }

  /**
   * Removes every example about one subject (its id, as the review named it) or taken from one of
   * its cases, for its erasure.
   */
  public int eraseSubject(String subjectId, List<String> caseIds) {
    int erased = jdbc.update("DELETE FROM baton_learned_example WHERE subject_key = ?", subjectId);
    for (String caseId : caseIds) {
      erased +=
          jdbc.update("DELETE FROM baton_learned_example WHERE process_instance_id = ?", caseId);
    }
    return erased;
  }

  private static StoredExample stored(ResultSet rs, int row) throws SQLException {
    return new StoredExample(
        rs.getLong("id"),
        rs.getString("label_set"),
        rs.getString("label"),
        rs.getString("ai_label"),
        rs.getString("example_text"),
        rs.getString("corrected_by"),
        instant(rs.getTimestamp("corrected_at")),
        rs.getString("approved_by"),
        instant(rs.getTimestamp("learned_at")),
        rs.getString("process_instance_id"),
        rs.getString("subject_key"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
