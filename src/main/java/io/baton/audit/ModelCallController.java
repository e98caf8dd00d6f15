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
 * /api/model-calls} (one call), {@code .../batch}, {@code .../reservations} and {@code
 * .../admissions} (batches) for standalone workers, which have no database of their own.
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
   * Reserves priced calls' worst cases against their cases' budgets, for a standalone worker,
   * before it makes them, each in a transaction of its own: for each claim, in order, {@code
   * granted} true, or false with the budget that does not allow it ({@code refusal}) or what is
   * wrong with the claim ({@code invalid}).
   */
  @PostMapping("/reservations")
  List<Reservation> reserve(@RequestBody List<BudgetClaim> claims) {
    require(Set.of(BatonGroups.WORKERS), "reserve model budgets");
    checkBatch(claims, "budget claims");
    for (int i = 0; i < claims.size(); i++) {
      BudgetClaim claim = claims.get(i);
      if (claim == null
          || claim.callId() == null
          || claim.model() == null
          || claim.processInstanceId() == null
          || claim.worstCaseCost() == null) {
        throw new ResponseStatusException(
            HttpStatus.BAD_REQUEST,
            "budget claim "
                + i
                + " of the batch needs callId, model, processInstanceId and worstCaseCost");
      }
    }
    return claims.stream().map(this::reserve).toList();
  }

  private Reservation reserve(BudgetClaim claim) {
    try {
      calls.reserve(claim);
      return new Reservation(claim.callId(), true, null, null);
    } catch (BudgetExceededException refused) {
      return new Reservation(claim.callId(), false, refused.getMessage(), null);
    } catch (IllegalArgumentException bad) {
      return new Reservation(claim.callId(), false, null, bad.getMessage());
    }
  }

  record Reservation(String callId, boolean granted, String refusal, String invalid) {}

  /**
   * Takes room in models' rate windows for a standalone worker's calls, each in a transaction of
   * its own: for each claim, in order, {@code admitted} true, or false with how long until the next
   * window, or what is wrong with the claim ({@code invalid}).
   */
  @PostMapping("/admissions")
  List<Admission> admit(@RequestBody List<RateClaim> claims) {
    require(Set.of(BatonGroups.WORKERS), "take room in model rate windows");
    checkBatch(claims, "rate claims");
    for (int i = 0; i < claims.size(); i++) {
      RateClaim claim = claims.get(i);
      if (claim == null
          || claim.callId() == null
          || claim.model() == null
          || (claim.requestsPerMinute() == null && claim.tokensPerMinute() == null)
          || claim.tokens() < 0) {
        throw new ResponseStatusException(
            HttpStatus.BAD_REQUEST,
            "rate claim "
                + i
                + " of the batch needs callId, model, requestsPerMinute or tokensPerMinute, and"
                + " tokens of zero or more");
      }
    }
    return claims.stream().map(this::admit).toList();
  }

  private Admission admit(RateClaim claim) {
    try {
      calls.admit(claim);
      return new Admission(claim.callId(), true, 0, null, null);
    } catch (RateLimitedException limited) {
      return new Admission(
          claim.callId(), false, limited.retryAfter().toMillis(), limited.getMessage(), null);
    } catch (IllegalArgumentException bad) {
      return new Admission(claim.callId(), false, 0, null, bad.getMessage());
    }
  }

  record Admission(
      String callId, boolean admitted, long retryAfterMillis, String reason, String invalid) {}

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
    checkBatch(calls, "model calls");
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

  private static void checkBatch(List<?> items, String what) {
    if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "a batch holds 1 to " + MAX_BATCH + " " + what);
    }
  }

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
