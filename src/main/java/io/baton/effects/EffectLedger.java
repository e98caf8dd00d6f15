package io.baton.effects;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code baton_effect}; the primary key makes one row per intended effect. Each
 * statement commits on its own (a failed insert must not abort a PostgreSQL transaction that goes
 * on).
 */
@Repository
public class EffectLedger {

  private final JdbcTemplate jdbc;

  public EffectLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Registers an attempt at an effect. A new key starts its first attempt; a key whose effect is
   * done returns the recorded result; a key whose earlier attempt never finished (the worker died
   * while acting) starts another attempt under the same key, so the tool can let its target drop
   * the duplicate.
   */
  public Effect start(String key, String topic, String processInstanceId) {
    try {
      jdbc.update(
          "INSERT INTO baton_effect (idempotency_key, topic, process_instance_id, state, attempts,"
              + " started_at) VALUES (?, ?, ?, 'STARTED', 1, ?)",
          key,
          topic,
          processInstanceId,
          Timestamp.from(Instant.now()));
      return new Effect(key, Effect.STARTED, 1, null);
    } catch (DuplicateKeyException exists) {
      jdbc.update(
          "UPDATE baton_effect SET attempts = attempts + 1 WHERE idempotency_key = ? AND state = 'STARTED'",
          key);
      return find(key).orElseThrow();
    }
  }

  /** Records the result of an effect; the first recorded result stays. */
  public Effect finish(String key, String result) {
    jdbc.update(
        "UPDATE baton_effect SET state = 'DONE', result = ?, done_at = ?"
            + " WHERE idempotency_key = ? AND state = 'STARTED'",
        result,
        Timestamp.from(Instant.now()),
        key);
    return find(key)
        .orElseThrow(() -> new IllegalArgumentException("no effect was started under key " + key));
  }

  public java.util.Optional<Effect> find(String key) {
    List<Effect> effects =
        jdbc.query(
            "SELECT state, attempts, result FROM baton_effect WHERE idempotency_key = ?",
            (rs, row) -> new Effect(key, rs.getString(1), rs.getInt(2), rs.getString(3)),
            key);
    return effects.stream().findFirst();
  }

  /** One intended effect: {@value #STARTED} while being attempted, {@value #DONE} with a result. */
  public record Effect(String key, String state, int attempts, String result) {
    public static final String STARTED = "STARTED";
    public static final String DONE = "DONE";
  }
}
