package io.baton.effects;

import io.baton.audit.CaseTrail;
import io.baton.audit.TrailEvent;
import io.baton.audit.TrailKind;
import io.baton.effects.EffectLedger.Effect;
import io.baton.governance.ToolApprovals;
import io.baton.identity.BatonGroups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The effect ledger for workers: {@code POST /api/effects/{key}/start} before a tool acts (the
 * caller acts only when the answer names it as the lease owner; before that, the tool's approval
 * gate runs on the digest of the arguments the worker will act with, and a refusal answers state
 * {@code REFUSED} with the reason), {@code PUT /api/effects/{key}/lease} to renew the lease while
 * acting (0 ms gives it up), {@code PUT /api/effects/{key}} with the result after. Renewing or
 * finishing without the lease answers 409. Only the workers' group may call it.
 */
@RestController
@RequestMapping("/api/effects")
@Validated
class EffectController {

  private final EffectLedger ledger;
  private final IdentityService identity;
  private final ToolApprovals approvalGate;
  private final CaseTrail trail;

  EffectController(
      EffectLedger ledger, IdentityService identity, ToolApprovals approvalGate, CaseTrail trail) {
    this.ledger = ledger;
    this.identity = identity;
    this.approvalGate = approvalGate;
    this.trail = trail;
  }

  @PostMapping("/{key}/start")
  Effect start(
      @PathVariable @Size(max = 200) String key, @RequestBody @Valid StartRequest request) {
    requireWorker();
    Effect recorded = ledger.find(key).orElse(null);
    if (recorded == null || !recorded.done()) {
      var refusal = approvalGate.check(request.externalTaskId(), request.digest());
      if (refusal.isPresent()) {
        trail.append(
            request.processInstanceId(),
            TrailEvent.of(
                TrailKind.EFFECT_REFUSED,
                "approval-gate",
                null,
                Map.of(
                    "idempotencyKey", key,
                    "topic", request.topic(),
                    "digest", String.valueOf(request.digest()),
                    "reason", refusal.get())));
        return Effect.refused(key, refusal.get());
      }
    }
    return ledger.start(
        key,
        request.topic(),
        request.processInstanceId(),
        request.owner(),
        Duration.ofMillis(request.leaseMillis()));
  }

  @PutMapping("/{key}/lease")
  Effect renew(
      @PathVariable @Size(max = 200) String key, @RequestBody @Valid LeaseRequest request) {
    requireWorker();
    Effect effect = ledger.renew(key, request.owner(), Duration.ofMillis(request.leaseMillis()));
    if (!effect.heldBy(request.owner())) {
      throw notHeld(effect, request.owner());
    }
    return effect;
  }

  @PutMapping("/{key}")
  Effect finish(
      @PathVariable @Size(max = 200) String key, @RequestBody @Valid FinishRequest request) {
    requireWorker();
    if (request.result() != null && request.result().length() > 4000) {
      throw new ResponseStatusException(
          HttpStatus.PAYLOAD_TOO_LARGE, "an effect's result is limited to 4,000 characters");
    }
    Effect effect = ledger.finish(key, request.owner(), request.result());
    if (!effect.done()) {
      throw notHeld(effect, request.owner());
    }
    return effect;
  }

  private static ResponseStatusException notHeld(Effect effect, String owner) {
    return new ResponseStatusException(
        HttpStatus.CONFLICT,
        effect.done()
            ? "effect %s is done already".formatted(effect.key())
            : "effect %s is held by %s, not by %s: its lease ran out and another attempt took it over"
                .formatted(effect.key(), effect.leaseOwner(), owner));
  }

  private void requireWorker() {
    BatonGroups.require(identity, Set.of(BatonGroups.WORKERS), "record effects");
  }

  /**
   * @param owner the attempt: worker id and external task id
   * @param leaseMillis how long the attempt holds the effect unless renewed: the task's lock
   * @param externalTaskId the task the tool runs for, locked by this worker
   * @param digest the {@link io.baton.connectors.ActionDigest} of the tool's bound input
   */
  record StartRequest(
      @NotBlank String topic,
      @NotBlank String processInstanceId,
      @NotBlank @Size(max = 255) String owner,
      @NotNull @Positive @Max(86_400_000) Long leaseMillis,
      @NotBlank @Size(max = 64) String externalTaskId,
      @NotBlank @Size(max = 64) String digest) {}

  /**
   * @param leaseMillis how long from now the owner holds the effect; 0 gives it up
   */
  record LeaseRequest(
      @NotBlank @Size(max = 255) String owner,
      @NotNull @PositiveOrZero @Max(86_400_000) Long leaseMillis) {}

  record FinishRequest(@NotBlank @Size(max = 255) String owner, String result) {}
}
