package io.baton.audit;

import io.baton.identity.BatonGroups;
import io.baton.models.ModelCallRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DuplicateKeyException;
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
 * /api/model-calls} for standalone workers, which have no database of their own.
 */
@RestController
@RequestMapping("/api/model-calls")
class ModelCallController {

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

  /** What a case's model calls have cost so far; workers read it to keep the case's budget. */
  @GetMapping("/spent")
  Spent spentOn(@RequestParam String processInstanceId) {
    require(
        Set.of(BatonGroups.WORKERS, BatonGroups.AUDITORS, BatonGroups.SUPERVISORS, "camunda-admin"),
        "read what a case has spent");
    return new Spent(processInstanceId, calls.spentOn(processInstanceId));
  }

  record Spent(String processInstanceId, BigDecimal cost) {}

  /**
   * Keeps a worker's report of a model call: 201 the first time, 200 when the same call (same
   * {@code callId}) was reported before, so a worker that lost the answer may send it again.
   */
  @PostMapping
  ResponseEntity<Void> record(@RequestBody ModelCallRecord call) {
    require(Set.of(BatonGroups.WORKERS), "record model calls");
    if (call.callId() == null
        || call.model() == null
        || call.task() == null
        || call.outcome() == null
        || call.inputHash() == null) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "a model call needs callId, model, task, outcome and inputHash");
    }
    boolean first;
    try {
      first = calls.record(call);
    } catch (DuplicateKeyException racing) {
      first = false; // the same report, sent again while the first was still being kept
    }
    return ResponseEntity.status(first ? HttpStatus.CREATED : HttpStatus.OK).build();
  }

  private void require(Set<String> groups, String what) {
    BatonGroups.require(identity, groups, what);
  }
}
