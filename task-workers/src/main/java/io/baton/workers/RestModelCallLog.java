package io.baton.workers;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.models.BudgetClaim;
import io.baton.models.BudgetExceededException;
import io.baton.models.Completions;
import io.baton.models.ModelCallLog;
import io.baton.models.ModelCallRecord;
import io.baton.models.RateClaim;
import io.baton.models.RateLimitedException;
import java.time.Duration;
import java.util.List;

/**
 * A standalone worker's audit, budgets and rate windows of model calls: it has no database, so each
 * admission, reservation and call is sent to the engine ({@code POST /api/model-calls/admissions},
 * {@code .../reservations}, and the calls in batches to {@code .../batch}). Both are kept once by
 * their call id, so a request whose answer was lost is sent again. A call that cannot be recorded
 * fails the task rather than go unaudited; a reservation that cannot be made means the call is not
 * made.
 */
final class RestModelCallLog implements ModelCallLog {

  private static final int ATTEMPTS = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The most calls one batch carries; the engine takes up to 500. */
  private static final int MAX_BATCH = 200;

  private final EngineClient engine;
  private final ModelCallBatches batches;

  RestModelCallLog(EngineClient engine) {
    this.engine = engine;
    this.batches = new ModelCallBatches(this::sendBatch, MAX_BATCH);
  }

  @Override
  public void reserve(BudgetClaim claim) {
    EngineClient.Answer answer = sendKeptOnce("/model-calls/reservations", claim, "reserve");
    if (answer.status() != 200) {
      throw refused("reserve a model call's budget", answer);
    }
    if (!answer.json().path("granted").asBoolean(false)) {
      throw new BudgetExceededException(answer.json().path("refusal").asText("refused"));
    }
  }

  @Override
  public void admit(RateClaim claim) {
    EngineClient.Answer answer = sendKeptOnce("/model-calls/admissions", claim, "admit");
    if (answer.status() == 400) {
      throw new IllegalArgumentException(answer.json().path("detail").asText(answer.body()));
    }
    if (answer.status() != 200) {
      throw refused("take room in a model's rate window", answer);
    }
    if (!answer.json().path("admitted").asBoolean(false)) {
      throw new RateLimitedException(
          answer.json().path("reason").asText("the model's rate window is full"),
          Duration.ofMillis(answer.json().path("retryAfterMillis").asLong(1_000)));
    }
  }

  /**
   * Records the call in the next batch and waits until the engine has kept it: a call without its
   * record must not count as done.
   */
  @Override
  public boolean record(ModelCallRecord call) {
    return Completions.join(batches.add(call));
  }

  private JsonNode sendBatch(List<ModelCallRecord> calls) {
    EngineClient.Answer answer = sendKeptOnce("/model-calls/batch", calls, "record model calls");
    if (answer.status() != 200 || !answer.json().isArray()) {
      throw refused("record " + calls.size() + " model calls", answer);
    }
    return answer.json();
  }

  /** Sends a request the engine keeps once, again when no answer or a server error came back. */
  private EngineClient.Answer sendKeptOnce(String path, Object body, String what) {
    RuntimeException unreachable = null;
    EngineClient.Answer answer = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        answer = engine.send("POST", path, body, TIMEOUT);
        if (answer.status() < 500) {
          return answer;
        }
      } catch (EngineClient.EngineUnreachable e) {
        unreachable = e;
      }
    }
    if (answer != null) {
      return answer;
    }
    throw new IllegalStateException(
        "cannot %s at %s: %s".formatted(what, engine.url(path), unreachable.getMessage()),
        unreachable);
  }

  private IllegalStateException refused(String what, EngineClient.Answer answer) {
    return new IllegalStateException(
        "cannot %s: the engine answered HTTP %d %s"
            .formatted(what, answer.status(), answer.body()));
  }
}
