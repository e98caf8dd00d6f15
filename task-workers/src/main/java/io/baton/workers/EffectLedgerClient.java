package io.baton.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's effect ledger ({@code /api/effects}), as the workers' service account reaches it. An
 * attempt names itself as the lease owner; it may act only when the ledger says it holds the lease.
 */
final class EffectLedgerClient {

  static final String DONE = "DONE";
  static final String STARTED = "STARTED";

  private static final int FINISH_ATTEMPTS = 3;

  private final EngineClient engine;

  EffectLedgerClient(EngineClient engine) {
    this.engine = engine;
  }

  /**
   * Registers this attempt; the answer says whether it holds the lease, or the effect is done, or
   * the tool's approval gate refused it (for the digest of the input it would act with).
   */
  Recorded start(
      String key,
      String topic,
      String processInstanceId,
      String owner,
      Duration lease,
      String externalTaskId,
      String digest) {
    return call(
        "POST",
        path(key) + "/start",
        Map.of(
            "topic",
            topic,
            "processInstanceId",
            processInstanceId,
            "owner",
            owner,
            "leaseMillis",
            lease.toMillis(),
            "externalTaskId",
            externalTaskId,
            "digest",
            digest));
  }

  /** Extends the lease from now; zero gives it up. Throws {@link LeaseLost} when not held. */
  Recorded renew(String key, String owner, Duration lease) {
    return call(
        "PUT", path(key) + "/lease", Map.of("owner", owner, "leaseMillis", lease.toMillis()));
  }

  /**
   * Records the result; throws {@link LeaseLost} when another attempt holds the effect now. The
   * effect has happened by now, so a lost request or answer is sent again: the ledger answers a
   * finish it already recorded with the recorded effect, and a task retried without it would wait
   * out the lease and act a second time.
   */
  Recorded finish(String key, String owner, String result) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("owner", owner);
    body.put("result", result);
    IllegalStateException failure = null;
    for (int attempt = 1; attempt <= FINISH_ATTEMPTS; attempt++) {
      try {
        return call("PUT", path(key), body);
      } catch (LeaseLost lost) {
        throw lost;
      } catch (IllegalStateException unreachableOrServerError) {
        failure = unreachableOrServerError;
        pause(attempt);
      }
    }
    throw failure;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(200L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String path(String key) {
    return "/effects/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  private Recorded call(String method, String path, Object body) {
    EngineClient.Answer answer;
    try {
      answer = engine.send(method, path, body, Duration.ofSeconds(30));
    } catch (EngineClient.EngineUnreachable e) {
      throw new IllegalStateException("effect ledger not reachable: " + e.getMessage(), e);
    }
    if (answer.status() == 409) {
      throw new LeaseLost("the effect ledger answered 409 to " + method + " " + engine.url(path));
    }
    if (answer.status() != 200) {
      throw new IllegalStateException(
          "effect ledger answered HTTP %d: %s".formatted(answer.status(), answer.body()));
    }
    JsonNode effect = answer.json();
    return new Recorded(
        effect.path("state").asText(),
        effect.path("result").isNull() ? null : effect.path("result").asText(null),
        effect.path("leaseOwner").asText(null),
        effect.path("leaseMillisLeft").asLong());
  }

  /**
   * An effect's state, its recorded result once done (the tool's output as JSON), and which attempt
   * holds its lease for how much longer.
   */
  record Recorded(String state, String result, String leaseOwner, long leaseMillisLeft) {
    boolean done() {
      return DONE.equals(state);
    }

    /** The approval gate refused the attempt; {@code result} holds the reason. */
    boolean refused() {
      return "REFUSED".equals(state);
    }

    boolean heldBy(String owner) {
      return STARTED.equals(state) && owner.equals(leaseOwner);
    }
  }

  /** This attempt does not hold the effect's lease (any more): it must not act or record. */
  static final class LeaseLost extends IllegalStateException {
    LeaseLost(String message) {
      super(message);
    }
  }
}
