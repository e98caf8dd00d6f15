package io.baton.ratelimits;

import io.baton.models.RateClaim;
import io.baton.models.RateLimitedException;
import io.baton.rows.LockedRow;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts each model's requests and tokens per fixed window in the engine's database, under a row
 * lock, so that every worker of a deployment shares one limit. A call that does not fit waits for
 * the next window; the tasks waiting then are handed out by the engine in order of priority.
 */
@Repository
public class RateWindows {

  /** Windows older than this are deleted when a model opens a new one. */
  private static final Duration KEEP = Duration.ofHours(1);

  private final JdbcTemplate jdbc;
  private final LockedRow lockedRow;
  private final Duration window;

  public RateWindows(
      JdbcTemplate jdbc,
      LockedRow lockedRow,
      @Value("${baton.rate-limits.window:1m}") Duration window) {
    this.jdbc = jdbc;
    this.lockedRow = lockedRow;
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("baton.rate-limits.window must be positive: " + window);
    }
    this.window = window;
  }

  /**
   * Takes room for the claim in its model's current window.
   *
   * @throws RateLimitedException when the window is full, with the time until the next one
   * @throws IllegalArgumentException when the claim alone exceeds the model's tokens per window
   */
  @Transactional
  public void admit(RateClaim claim) {
    if (claim.tokensPerMinute() != null && claim.tokens() > claim.tokensPerMinute()) {
      throw new IllegalArgumentException(
          ("a call of model '%s' counts %d tokens (its prompt and max-tokens), more than its"
                  + " tokens-per-minute of %d allow: it would wait forever")
              .formatted(claim.model(), claim.tokens(), claim.tokensPerMinute()));
    }
    Instant now = Instant.now();
    long windowMillis = window.toMillis();
    Instant start = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
    Used used = lock(claim.model(), start);
    boolean requestsFull =
        claim.requestsPerMinute() != null && used.requests() + 1 > claim.requestsPerMinute();
    boolean tokensFull =
        claim.tokensPerMinute() != null && used.tokens() + claim.tokens() > claim.tokensPerMinute();
    if (requestsFull || tokensFull) {
      Duration untilNext = Duration.between(now, start.plus(window));
      throw new RateLimitedException(
          "model '%s' has had %d requests and %d tokens of its %s in this window; waits %d ms for the next"
              .formatted(
                  claim.model(),
                  used.requests(),
                  used.tokens(),
                  requestsFull
                      ? claim.requestsPerMinute() + " requests"
                      : claim.tokensPerMinute() + " tokens",
                  untilNext.toMillis()),
          untilNext);
    }
    jdbc.update(
        "UPDATE baton_rate_window SET requests = requests + 1, tokens = tokens + ?"
            + " WHERE model = ? AND window_start = ?",
        claim.tokens(),
        claim.model(),
        Timestamp.from(start));
  }

  private Used lock(String model, Instant start) {
    return lockedRow.lock(
        () -> selectForUpdate(model, start),
        () -> {
          jdbc.update(
              "INSERT INTO baton_rate_window (model, window_start, requests, tokens)"
                  + " VALUES (?, ?, 0, 0)",
              model,
              Timestamp.from(start));
          jdbc.update(
              "DELETE FROM baton_rate_window WHERE model = ? AND window_start < ?",
              model,
              Timestamp.from(start.minus(KEEP)));
        });
  }

  private List<Used> selectForUpdate(String model, Instant start) {
    return jdbc.query(
        "SELECT requests, tokens FROM baton_rate_window WHERE model = ? AND window_start = ?"
            + " FOR UPDATE",
        (rs, row) -> new Used(rs.getInt(1), rs.getLong(2)),
        model,
        Timestamp.from(start));
  }

  private record Used(int requests, long tokens) {}
}
