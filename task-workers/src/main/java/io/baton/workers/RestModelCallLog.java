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
 * A standalone worker's audit, budgets and rate windows of model calls: it has no database, so its
 * admissions, reservations and call records are sent to the engine, each kind in batches ({@code
 * POST /api/model-calls/admissions}, {@code .../reservations}, {@code .../batch}): under load one
 * request carries many calls. All are kept once by their call id, so a request whose answer was
 * lost is sent again. A call that cannot be recorded fails the task rather than go unaudited; a
 * reservation that cannot be made means the call is not made.
 */
final class RestModelCallLog implements ModelCallLog {

  /** The most items one batch carries; the engine takes up to 500. */
  private static final int MAX_BATCH = 200;

  private final EngineClient engine;
  private final EngineBatches<RateClaim> admissions;
  private final EngineBatches<BudgetClaim> reservations;
  private final EngineBatches<ModelCallRecord> records;

  RestModelCallLog(EngineClient engine) {
    this.engine = engine;
    this.admissions =
        new EngineBatches<>(
            "admissions",
            claims -> sendBatch("/model-calls/admissions", claims, "take room in rate windows"),
            RateClaim::callId,
            MAX_BATCH);
    this.reservations =
        new EngineBatches<>(
            "reservations",
            claims -> sendBatch("/model-calls/reservations", claims, "reserve model budgets"),
            BudgetClaim::callId,
            MAX_BATCH);
    this.records =
        new EngineBatches<>(
            "model-calls",
            calls -> sendBatch("/model-calls/batch", calls, "record model calls"),
            ModelCallRecord::callId,
            MAX_BATCH);
  }

  @Override
  public void reserve(BudgetClaim claim) {
    JsonNode answer = Completions.join(reservations.add(claim));
    invalid(answer);
    if (!answer.path("granted").asBoolean(false)) {
      throw new BudgetExceededException(answer.path("refusal").asText("refused"));
    }
  }

  @Override
  public void admit(RateClaim claim) {
    JsonNode answer = Completions.join(admissions.add(claim));
    invalid(answer);
    if (!answer.path("admitted").asBoolean(false)) {
      throw new RateLimitedException(
          answer.path("reason").asText("the model's rate window is full"),
          Duration.ofMillis(answer.path("retryAfterMillis").asLong(1_000)));
    }
  }

  /**
   * Records the call in the next batch and waits until the engine has kept it: a call without its
   * record must not count as done.
   */
  @Override
  public boolean record(ModelCallRecord call) {
    return Completions.join(records.add(call)).path("first").asBoolean();
  }

  /** The engine's word that one claim of a batch was not valid (the others may be). */
  private static void invalid(JsonNode answer) {
    if (answer.hasNonNull("invalid")) {
      throw new IllegalArgumentException(answer.path("invalid").asText());
    }
  }

  private JsonNode sendBatch(String path, List<?> items, String what) {
    EngineClient.Answer answer = engine.postKeptOnce(path, items, what);
    if (answer.status() != 200 || !answer.json().isArray()) {
      throw refused(what + " (" + items.size() + " in a batch)", answer);
    }
    return answer.json();
  }

  private IllegalStateException refused(String what, EngineClient.Answer answer) {
    return new IllegalStateException(
        "cannot %s: the engine answered HTTP %d %s"
            .formatted(what, answer.status(), answer.body()));
  }
}
