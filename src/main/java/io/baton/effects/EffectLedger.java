package io.baton.effects;

import io.baton.audit.CaseTrail;
import io.baton.audit.TrailEvent;
import io.baton.audit.TrailKind;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of {@code baton_effect}; the primary key makes one row per intended effect. An attempt
 * acts only while it holds the effect's lease, so two attempts never act at once under one key.
 * Each statement commits on its own (a failed insert must not abort a PostgreSQL transaction that
 * goes on), and each decision is one conditional statement, so concurrent attempts cannot both win.
 */
@Repository
public class EffectLedger {

  private final JdbcTemplate jdbc;
  private final CaseTrail trail;

  public EffectLedger(JdbcTemplate jdbc, CaseTrail trail) {
    this.jdbc = jdbc;
    this.trail = trail;
  }

  /**
   * Registers an attempt at an effect by {@code owner}, which may act only when the answer {@link
   * Effect#heldBy holds} the lease for it. A new key starts its first attempt; a key whose effect
   * is done returns the recorded result; a key whose earlier attempt holds an unexpired lease stays
   * with that attempt (it may still be acting); a lease that ran out (its owner died while acting)
   * is taken over as another attempt under the same key, so the tool can let its target drop the
   * duplicate. The owner that holds the lease already keeps it, renewed.
   */
  public Effect start(
      String key, String topic, String processInstanceId, String owner, Duration lease) {
    Instant now = Instant.now();
    Timestamp until = Timestamp.from(now.plus(lease));
    try {
      jdbc.update(
          "INSERT INTO baton_effect (idempotency_key, topic, process_instance_id, state, attempts,"
              + " started_at, lease_owner, lease_expires_at)"
              + " VALUES (?, ?, ?, 'STARTED', 1, ?, ?, ?)",
          key,
          topic,
          processInstanceId,
          Timestamp.from(now),
          owner,
          until);
    } catch (DuplicateKeyException exists) {
      if (!renewed(key, owner, until)) {
        jdbc.update(
            "UPDATE baton_effect SET attempts = attempts + 1, lease_owner = ?, lease_expires_at = ?"
                + " WHERE idempotency_key = ? AND state = 'STARTED'"
                + " AND (lease_expires_at IS NULL OR lease_expires_at <= ?)",
            owner,
            until,
            key,
            Timestamp.from(now));
      }
    }
    return find(key).orElseThrow();
  }

  /**
   * Extends the lease of the attempt that holds it, from now; a zero lease gives it up, so another
   * attempt may take over at once. Returns the effect: held by someone else or done when this owner
   * no longer holds it.
   */
  public Effect renew(String key, String owner, Duration lease) {
    renewed(key, owner, Timestamp.from(Instant.now().plus(lease)));
    return find(key).orElseThrow(() -> noSuchEffect(key));
  }

  private boolean renewed(String key, String owner, Timestamp until) {
    return jdbc.update(
            "UPDATE baton_effect SET lease_expires_at = ?"
                + " WHERE idempotency_key = ? AND state = 'STARTED' AND lease_owner = ?",
            until,
            key,
            owner)
        == 1;
  }

  /**
   * Records the result of an effect by the attempt that holds its lease; the first recorded result
   * stays. Returns the effect: still started, held by another attempt, when {@code owner} did not
   * hold it. The effect that is done goes to its case's trail in the same transaction.
   */
  @Transactional
  public Effect finish(String key, String owner, String result) {
    int finished =
        jdbc.update(
            "UPDATE baton_effect SET state = 'DONE', result = ?, done_at = ?, lease_expires_at = NULL"
                + " WHERE idempotency_key = ? AND state = 'STARTED' AND lease_owner = ?",
            result,
            Timestamp.from(Instant.now()),
            key,
            owner);
    if (finished == 1) {
      Map<String, Object> done =
          jdbc.queryForMap(
              "SELECT topic, process_instance_id, attempts FROM baton_effect"
                  + " WHERE idempotency_key = ?",
              key);
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("idempotencyKey", key);
      payload.put("topic", done.get("topic"));
      payload.put("attempts", done.get("attempts"));
      payload.put("result", result);
      trail.append(
          (String) done.get("process_instance_id"),
          new TrailEvent(TrailKind.EFFECT, owner, null, null, false, "effect:" + key, payload));
    }
    return find(key).orElseThrow(() -> noSuchEffect(key));
  }

  public Optional<Effect> find(String key) {
    long now = System.currentTimeMillis();
    List<Effect> effects =
        jdbc.query(
            "SELECT state, attempts, result, lease_owner, lease_expires_at FROM baton_effect"
                + " WHERE idempotency_key = ?",
            (rs, row) -> {
              Timestamp expires = rs.getTimestamp(5);
              long left = expires == null ? 0 : Math.max(expires.getTime() - now, 0);
              return new Effect(
                  key, rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), left);
            },
            key);
    return effects.stream().findFirst();
  }

  private static IllegalArgumentException noSuchEffect(String key) {
    return new IllegalArgumentException("no effect was started under key " + key);
  }

  /**
   * One intended effect: {@value #STARTED} while being attempted, {@value #DONE} with a result.
   *
   * @param attempts how many attempts were let act under the key
   * @param leaseOwner the attempt that may act (or, once done, the one that recorded the result)
   * @param leaseMillisLeft how long the lease runs on, as of reading; 0 when it ran out
   */
  public record Effect(
      String key,
      String state,
      int attempts,
      String result,
      String leaseOwner,
      long leaseMillisLeft) {
    public static final String STARTED = "STARTED";
    public static final String DONE = "DONE";

    /** Not an effect's state: the answer to an attempt the approval gate refused (see result). */
    public static final String REFUSED = "REFUSED";

    /** The answer to an attempt that may not act: the reason is in {@code result}. */
    public static Effect refused(String key, String reason) {
      return new Effect(key, REFUSED, 0, reason, null, 0);
    }

    public boolean done() {
      return DONE.equals(state);
    }

    /** Whether {@code owner} is the attempt that may act under the key now. */
    public boolean heldBy(String owner) {
      return STARTED.equals(state) && owner.equals(leaseOwner);
    }
  }
}
