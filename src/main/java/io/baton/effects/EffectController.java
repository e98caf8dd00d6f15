package io.baton.effects;

import io.baton.effects.EffectLedger.Effect;
import io.baton.identity.BatonGroups;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
 * The effect ledger for workers: {@code POST /api/effects/{key}/start} before a tool acts, {@code
 * PUT /api/effects/{key}} with the result after. Only the workers' group may call it.
 */
@RestController
@RequestMapping("/api/effects")
@Validated
class EffectController {

  private final EffectLedger ledger;
  private final IdentityService identity;

  EffectController(EffectLedger ledger, IdentityService identity) {
    this.ledger = ledger;
    this.identity = identity;
  }

  @PostMapping("/{key}/start")
  Effect start(@PathVariable @Size(max = 200) String key, @RequestBody StartRequest request) {
    requireWorker();
    return ledger.start(key, request.topic(), request.processInstanceId());
  }

  @PutMapping("/{key}")
  Effect finish(@PathVariable @Size(max = 200) String key, @RequestBody FinishRequest request) {
    requireWorker();
    if (request.result() != null && request.result().length() > 4000) {
      throw new ResponseStatusException(
          HttpStatus.PAYLOAD_TOO_LARGE, "an effect's result is limited to 4,000 characters");
    }
    return ledger.finish(key, request.result());
  }

  private void requireWorker() {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null
        || current.getGroupIds() == null
        || !current.getGroupIds().contains(BatonGroups.WORKERS)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "only the workers' service account records effects");
    }
  }

  record StartRequest(@NotBlank String topic, @NotBlank String processInstanceId) {}

  record FinishRequest(String result) {}
}
