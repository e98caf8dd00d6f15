package io.baton.memory.payloads;

import io.baton.identity.BatonGroups;
import io.baton.payloads.PayloadNotFoundException;
import io.baton.payloads.PayloadRef;
import io.baton.payloads.PayloadTooLargeException;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/payloads?processInstanceId=...&kind=text|json} with the content as the body, for
 * standalone workers (201 with the reference a case holds); {@code GET /api/payloads/{id}} for
 * workers, auditors and supervisors (the content, whole).
 */
@RestController
@RequestMapping("/api/payloads")
class PayloadController {

  private final JdbcPayloadStore store;
  private final IdentityService identity;

  PayloadController(JdbcPayloadStore store, IdentityService identity) {
    this.store = store;
    this.identity = identity;
  }

  @PostMapping
  ResponseEntity<?> store(
      @RequestParam String processInstanceId,
      @RequestParam String kind,
      @RequestBody(required = false) String content) {
    BatonGroups.require(identity, Set.of(BatonGroups.WORKERS), "store payloads");
    if (content == null || content.isEmpty()) {
      return problem(HttpStatus.BAD_REQUEST, "a payload needs a body: its content");
    }
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication(); // Baton reads the case's subject, which the worker may not
    try {
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(store.store(processInstanceId, kind, content).toMap());
    } catch (PayloadTooLargeException tooLarge) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
    } catch (IllegalArgumentException bad) {
      return problem(HttpStatus.BAD_REQUEST, bad.getMessage());
    } finally {
      identity.setAuthentication(caller);
    }
  }

  @GetMapping("/{id}")
  ResponseEntity<?> read(@PathVariable String id) {
    BatonGroups.require(
        identity,
        Set.of(BatonGroups.WORKERS, BatonGroups.AUDITORS, BatonGroups.SUPERVISORS, "camunda-admin"),
        "read payloads");
    try {
      JdbcPayloadStore.Stored stored = store.find(id);
      MediaType type =
          PayloadRef.JSON.equals(stored.kind())
              ? MediaType.APPLICATION_JSON
              : new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8);
      return ResponseEntity.ok().contentType(type).body(stored.content());
    } catch (PayloadNotFoundException missing) {
      return problem(HttpStatus.NOT_FOUND, missing.getMessage());
    }
  }

  /** An error with its reason in {@code detail}, as the workers read it. */
  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}
