package io.baton.audit;

import io.baton.identity.BatonGroups;
import io.baton.models.BudgetClaim;
import io.baton.models.BudgetExceededException;
import io.baton.models.ModelCallRecord;
import io.baton.models.RateClaim;
import io.baton.models.RateLimitedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/model-calls?processInstanceId=...} for auditors and supervisors; {@code POST
 * /api/model-calls} and {@code POST /api/model-calls/reservations} and {@code .../admissions} for
 * standalone workers, which have no database of their own.
 */
@RestController
@RequestMapping("/api/model-calls")
class ModelCallController {

  static final int MAX_BATCH = 500;

  private final JdbcModelCallLog calls;
  private final IdentityService identity;

  ModelCallController(JdbcModelCallLog calls, IdentityService identity) {
    this.calls = calls;
    this.identity = identity;
  }

  @GetMapping
  List<ModelCallRecord> forProcessInstance(@RequestParam String processInstanceId) {
    require(
        Set.of(BatonGroups.AUDITORS, BatonGroups.SUPERVISORS, "camunda-admin"), "read model calls");
    return calls.forProcessInstance(processInstanceId);
  }

  /**
   * Reserves a priced call's worst case against its case's budgets, for a standalone worker, before
   * it makes the call: {@code granted} true, or false with the budget that does not allow it.
   */
  @PostMapping("/reservations")
  Reservation reserve(@RequestBody BudgetClaim claim) {
    require(Set.of(BatonGroups.WORKERS), "reserve model budgets");
    if (claim.callId() == null
        || claim.model() == null
        || claim.processInstanceId() == null
        || claim.worstCaseCost() == null) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "a budget claim needs callId, model, processInstanceId and worstCaseCost");
    }
    try {
      calls.reserve(claim);
      return new Reservation(claim.callId(), true, null);
    } catch (BudgetExceededException refused) {
      return new Reservation(claim.callId(), false, refused.getMessage());
    } catch (IllegalArgumentException bad) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, bad.getMessage());
    }
  }

  record Reservation(String callId, boolean granted, String refusal) {}

  /**
   * Takes room in a model's rate window for a standalone worker's call: {@code admitted} true, or
   * false with how long until the next window.
   */
  @PostMapping("/admissions")
  Admission admit(@RequestBody RateClaim claim) {
    require(Set.of(BatonGroups.WORKERS), "take room in model rate windows");
    if (claim.callId() == null
        || claim.model() == null
        || (claim.requestsPerMinute() == null && claim.tokensPerMinute() == null)
        || claim.tokens() < 0) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "a rate claim needs callId, model, requestsPerMinute or tokensPerMinute, and tokens of"
              + " zero or more");
    }
    try {
      calls.admit(claim);
      return new Admission(claim.callId(), true, 0, null);
    } catch (RateLimitedException limited) {
      return new Admission(
          claim.callId(), false, limited.retryAfter().toMillis(), limited.getMessage());
    } catch (IllegalArgumentException bad) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, bad.getMessage());
    }
  }

  record Admission(String callId, boolean admitted, long retryAfterMillis, String reason) {}

  /**
   * Keeps a worker's report of a model call: 201 the first time, 200 when the same call (same
   * {@code callId}) was reported before, so a worker that lost the answer may send it again.
   */
  @PostMapping
  ResponseEntity<Void> record(@RequestBody ModelCallRecord call) {
    require(Set.of(BatonGroups.WORKERS), "record model calls");
    check(call, null);
    return ResponseEntity.status(keep(call) ? HttpStatus.CREATED : HttpStatus.OK).build();
  }

  /**
   * Keeps the reports a worker gathered while its previous request was on its way, in one
   * transaction: for each, whether it was kept now or had been before. Nothing is kept when one of
   * them is invalid. When the batch meets a report of one of its calls racing it (or a lock another
   * transaction holds), each report is kept in a transaction of its own instead.
   */
  @PostMapping("/batch")
  List<Kept> recordAll(@RequestBody List<ModelCallRecord> calls) {
    require(Set.of(BatonGroups.WORKERS), "record model calls");
    if (calls == null || calls.isEmpty() || calls.size() > MAX_BATCH) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "a batch holds 1 to " + MAX_BATCH + " model calls");
    }
    for (int i = 0; i < calls.size(); i++) {
      check(calls.get(i), i);
    }
    List<Boolean> first;
    try {
      first = this.calls.recordAll(calls);
    } catch (DuplicateKeyException | PessimisticLockingFailureException contended) {
      first = calls.stream().map(this::keep).toList();
    }
    List<Kept> kept = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      kept.add(new Kept(calls.get(i).callId(), first.get(i)));
    }
    return kept;
  }

  record Kept(String callId, boolean first) {}

  private static void check(ModelCallRecord call, Integer index) {
    if (call == null
        || call.callId() == null
        || call.model() == null
        || call.task() == null
        || call.outcome() == null
        || call.inputHash() == null) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          (index == null ? "a model call" : "model call " + index + " of the batch")
              + " needs callId, model, task, outcome and inputHash");
    }
  }

  private boolean keep(ModelCallRecord call) {
    try {
      return calls.record(call);
    } catch (DuplicateKeyException racing) {
      return false; // the same report, sent again while the first was still being kept
    }
  }

  private void require(Set<String> groups, String what) {
    BatonGroups.require(identity, groups, what);
  }
}
