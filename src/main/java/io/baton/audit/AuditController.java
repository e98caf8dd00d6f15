package io.baton.audit;

import io.baton.identity.BatonGroups;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case trail for auditors, and only for them ({@code auditors}): a case's trail with its
 * verification and cost, cases by business key, entries by period, model and kind, and the export
 * of a period as JSON Lines or CSV.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  private static final Set<String> AUDITORS = Set.of(BatonGroups.AUDITORS);
  private static final int MAX_PAGE = 1_000;

  private final CaseTrail trail;
  private final TrailQueries queries;
  private final IdentityService identity;

  AuditController(CaseTrail trail, TrailQueries queries, IdentityService identity) {
    this.trail = trail;
    this.queries = queries;
    this.identity = identity;
  }

  /** A case's trail in order, whether its chain holds, and what the case and its calls cost. */
  record CaseTrailView(
      String processInstanceId,
      String businessKey,
      String processDefinitionKey,
      String rootProcessInstanceId,
      BigDecimal cost,
      TrailVerification verification,
      List<TrailEntry> entries) {}

  @GetMapping("/cases/{processInstanceId}")
  CaseTrailView trail(@PathVariable String processInstanceId) {
    require("read a case trail");
    TrailQueries.CaseSummary summary = queries.summary(processInstanceId);
    if (summary == null) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "no trail is recorded for case " + processInstanceId);
    }
    return view(summary);
  }

  @GetMapping("/cases")
  List<CaseTrailView> byBusinessKey(@RequestParam String businessKey) {
    require("read case trails");
    return queries.casesWithBusinessKey(businessKey).stream().map(this::view).toList();
  }

  @GetMapping("/entries")
  TrailQueries.Page entries(
      @RequestParam String from,
      @RequestParam String to,
      @RequestParam(required = false) String model,
      @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "0") long afterId,
      @RequestParam(defaultValue = "200") int limit) {
    require("read the trail");
    if (limit < 1 || limit > MAX_PAGE) {
      throw bad("limit must be between 1 and " + MAX_PAGE + ", not " + limit);
    }
    if (kind != null) {
      try {
        TrailKind.valueOf(kind);
      } catch (IllegalArgumentException e) {
        throw bad("kind must be one of " + List.of(TrailKind.values()) + ", not '" + kind + "'");
      }
    }
    return queries.entries(instant("from", from), instant("to", to), model, kind, afterId, limit);
  }

  /** Streams the entries of {@code [from, to)}; {@code format} is {@code jsonl} or {@code csv}. */
  @GetMapping("/export")
  void export(
      @RequestParam String from,
      @RequestParam String to,
      @RequestParam(defaultValue = "jsonl") String format,
      HttpServletResponse response)
      throws IOException {
    require("export the trail");
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    TrailExport.Format chosen;
    try {
      chosen = TrailExport.Format.parse(format);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    response.setContentType(chosen.mediaType + ";charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"baton-trail-%s-%s.%s\""
            .formatted(start, end, chosen.extension)
            .replace(':', '-'));
    TrailExport.write(queries, start, end, chosen, response.getOutputStream());
  }

  private CaseTrailView view(TrailQueries.CaseSummary summary) {
    String id = summary.processInstanceId();
    return new CaseTrailView(
        id,
        summary.businessKey(),
        summary.processDefinitionKey(),
        summary.rootProcessInstanceId(),
        queries.costWithCalledCases(id),
        trail.verify(id),
        trail.entries(id));
  }

  private static Instant instant(String name, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw bad(
          "%s must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, not '%s'"
              .formatted(name, text));
    }
  }

  private static ResponseStatusException bad(String message) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
  }

  private void require(String what) {
    BatonGroups.require(identity, AUDITORS, what);
  }
}
