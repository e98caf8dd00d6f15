package io.baton.subjects;

import io.baton.identity.BatonGroups;
import io.baton.subjects.SubjectCase.ReviewedAs;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/subjects/{key}/{id}?limit=20}: where one subject's cases stand (for example
 * {@code /api/subjects/customerId/C-7}): its open cases with the approvals they wait for, the
 * latest reviewer decision, and its most recent cases, newest first; for reviewers, supervisors,
 * operators and admins.
 */
@RestController
@RequestMapping("/api/subjects")
class SubjectController {

  static final Set<String> READERS =
      Set.of(
          BatonGroups.REVIEWERS,
          BatonGroups.SUPERVISORS,
          BatonGroups.OPERATORS,
          Groups.CAMUNDA_ADMIN);

  static final int MAX_LIMIT = 100;

  private final SubjectCases cases;
  private final IdentityService identity;

  SubjectController(SubjectCases cases, IdentityService identity) {
    this.cases = cases;
    this.identity = identity;
  }

  /**
   * @param openCases every open case (at most {@value #MAX_LIMIT}), newest first
   * @param pendingApprovals how many approvals the open cases still wait for
   * @param lastDecision the newest reviewer decision among the cases shown, with its case
   * @param cases the most recent cases, open or closed, newest first
   */
  record SubjectState(
      Subject subject,
      List<SubjectCase> openCases,
      int pendingApprovals,
      LastDecision lastDecision,
      List<SubjectCase> cases) {}

  record LastDecision(String processInstanceId, ReviewedAs decision) {}

  @GetMapping("/{key}/{id}")
  SubjectState state(
      @PathVariable String key,
      @PathVariable String id,
      @RequestParam(defaultValue = "20") int limit) {
    BatonGroups.require(identity, READERS, "see where a subject's cases stand");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be from 1 to %d, not %d".formatted(MAX_LIMIT, limit));
    }
    Subject subject = new Subject(key, id);
    List<SubjectCase> open = cases.cases(subject, null, true, MAX_LIMIT);
    List<SubjectCase> recent = cases.cases(subject, null, false, limit);
    LastDecision last =
        recent.stream()
            .filter(c -> c.lastDecision() != null)
            .max(Comparator.comparing(c -> c.lastDecision().decidedAt()))
            .map(c -> new LastDecision(c.processInstanceId(), c.lastDecision()))
            .orElse(null);
    int pending = open.stream().mapToInt(c -> c.pendingApprovals().size()).sum();
    return new SubjectState(subject, open, pending, last, recent);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail invalid(IllegalArgumentException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, Objects.requireNonNullElse(e.getMessage(), "bad request"));
    problem.setTitle("Invalid subject request");
    return problem;
  }
}
