package io.baton.erasure;

import io.baton.identity.BatonGroups;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/erasures} erases a subject, for privacy officers only; {@code GET /api/erasures}
 * lists the erasures done (never the subjects' ids), for privacy officers and auditors.
 */
@RestController
@RequestMapping("/api/erasures")
class ErasureController {

  private final Erasures erasures;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;

  ErasureController(Erasures erasures, IdentityService identity, JdbcTemplate jdbc) {
    this.erasures = erasures;
    this.identity = identity;
    this.jdbc = jdbc;
  }

  @PostMapping
  ErasureReport erase(@RequestBody(required = false) ErasureRequest request) {
    BatonGroups.require(
        identity, Set.of(BatonGroups.PRIVACY_OFFICERS), "erase what Baton keeps about a subject");
    return erasures.erase(request, identity.getCurrentAuthentication().getUserId());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail invalid(IllegalArgumentException bad) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, bad.getMessage());
  }

  @ExceptionHandler(ErasureRefusedException.class)
  ProblemDetail refused(ErasureRefusedException open) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, open.getMessage());
  }

  @GetMapping
  List<Map<String, Object>> list() {
    BatonGroups.require(
        identity,
        Set.of(BatonGroups.PRIVACY_OFFICERS, BatonGroups.AUDITORS),
        "read the record of erasures");
    return jdbc.queryForList(
        "SELECT erasure_id, erased_at, requested_by, subject_key, reason, cases, erased"
            + " FROM baton_erasure ORDER BY erased_at DESC FETCH FIRST 1000 ROWS ONLY");
  }
}
