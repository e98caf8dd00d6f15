package io.baton.erasure;

import io.baton.audit.CaseTrail;
import io.baton.audit.TrailEvent;
import io.baton.audit.TrailKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases one subject in one transaction: the cases that named it (process instances whose variable
 * {@code subjectKey} holds {@code subjectId}, and the processes they called) must all have ended;
 * then every {@link SubjectData} removes what it keeps, the payloads of those cases' trail entries
 * go (each trail records the erasure, so its chain still verifies), the error texts of their model
 * calls go, and the engine's history of them is deleted. The erasure itself is kept in {@code
 * baton_erasure}, without the subject's id.
 */
@Service
public class Erasures {

  static final int MAX_REASON = 500;
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final CaseTrail trail;
  private final List<SubjectData> data;

  Erasures(
      JdbcTemplate jdbc,
      HistoryService history,
      RuntimeService runtime,
      IdentityService identity,
      CaseTrail trail,
      List<SubjectData> data) {
    this.jdbc = jdbc;
    this.history = history;
    this.runtime = runtime;
    this.identity = identity;
    this.trail = trail;
    this.data = data;
  }

  /** The subject keys Baton keeps data under: the keys the features that keep data declare. */
  public Set<String> subjectKeys() {
    Set<String> keys = new TreeSet<>();
    data.forEach(kept -> keys.addAll(kept.subjectKeys()));
    return keys;
  }

  /**
   * @throws IllegalArgumentException naming what is wrong with the request; nothing is erased
   * @throws ErasureRefusedException when a case of the subject is still open; nothing is erased
   */
  @Transactional
  public ErasureReport erase(ErasureRequest request, String requestedBy) {
    check(request);
    Authentication caller = identity.getCurrentAuthentication();
    // the engine's queries and deletions run as the system: the caller's group was checked, and
    // a query limited by the caller's authorizations could miss an open case
    identity.clearAuthentication();
    try {
      return eraseChecked(request, requestedBy);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private ErasureReport eraseChecked(ErasureRequest request, String requestedBy) {
    List<String> cases =
        history
            .createHistoricProcessInstanceQuery()
            .variableValueEquals(request.subjectKey(), request.subjectId())
            .list()
            .stream()
            .map(HistoricProcessInstance::getId)
            .toList();
    cases = withCalledProcesses(cases);
    if (!cases.isEmpty()) {
      List<String> open =
          runtime.createProcessInstanceQuery().processInstanceIds(Set.copyOf(cases)).list().stream()
              .map(ProcessInstance::getId)
              .sorted()
              .toList();
      if (!open.isEmpty()) {
        throw new ErasureRefusedException(
            ("%d case(s) of this %s are still open (%s): erase the subject once they have ended,"
                    + " or cancel them first; nothing was erased")
                .formatted(open.size(), request.subjectKey(), String.join(", ", open)));
      }
    }
    String erasureId = UUID.randomUUID().toString();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    ErasedSubject subject =
        new ErasedSubject(erasureId, request.subjectKey(), request.subjectId(), cases);
    Map<String, Integer> erased = new LinkedHashMap<>();
    for (SubjectData kept : data) {
      erased.merge(kept.name(), kept.erase(subject), Integer::sum);
    }
    int payloads = 0;
    for (String caseId : cases) {
      payloads +=
          trail.erase(
              caseId,
              erasureId,
              TrailEvent.of(
                  TrailKind.ERASURE,
                  requestedBy,
                  null,
                  Map.of(
                      "erasureId", erasureId,
                      "subjectKey", request.subjectKey(),
                      "reason", request.reason())));
    }
    erased.put("trailPayloads", payloads);
    erased.put("modelCallErrors", eraseModelCallErrors(subject));
    if (!cases.isEmpty()) {
      history.deleteHistoricProcessInstancesIfExists(cases);
    }
    erased.put("historicCases", cases.size());
    jdbc.update(
        "INSERT INTO baton_erasure (erasure_id, erased_at, requested_by, subject_key, reason,"
            + " cases, erased) VALUES (?, ?, ?, ?, ?, ?, ?)",
        erasureId,
        Timestamp.from(now),
        requestedBy,
        request.subjectKey(),
        request.reason(),
        cases.size(),
        erased.toString());
    return new ErasureReport(
        erasureId, now, requestedBy, request.subjectKey(), request.reason(), cases, erased);
  }

  /**
   * The cases and every process they called, at any depth (an agent's tool processes, a specialist
   * agent's): the arguments and results they hold are the subject's too, though they do not name it
   * in a variable of their own.
   */
  private List<String> withCalledProcesses(List<String> cases) {
    Set<String> all = new TreeSet<>(cases);
    Deque<String> callers = new ArrayDeque<>(cases);
    while (!callers.isEmpty()) {
      for (HistoricProcessInstance called :
          history
              .createHistoricProcessInstanceQuery()
              .superProcessInstanceId(callers.pop())
              .list()) {
        if (all.add(called.getId())) {
          callers.push(called.getId());
        }
      }
    }
    return List.copyOf(all);
  }

  private int eraseModelCallErrors(ErasedSubject subject) {
    return subject.eraseCases(
        (ids, cases) ->
            jdbc.update(
                "UPDATE baton_model_call SET error = NULL WHERE error IS NOT NULL AND"
                    + " process_instance_id IN (%s)".formatted(ids),
                cases));
  }

  private void check(ErasureRequest request) {
    if (request == null) {
      throw new IllegalArgumentException(
          "an erasure request needs subjectKey, subjectId and reason");
    }
    if (request.subjectKey() == null || !KEY.matcher(request.subjectKey()).matches()) {
      throw new IllegalArgumentException(
          "subjectKey must be the name of the variable that names the subject (letters, digits"
              + " and '_'), not '%s'".formatted(request.subjectKey()));
    }
    Set<String> known = subjectKeys();
    if (!known.contains(request.subjectKey())) {
      throw new IllegalArgumentException(
          "Baton keeps no data under subject key '%s'; it knows %s"
              .formatted(request.subjectKey(), known));
    }
    if (request.subjectId() == null
        || request.subjectId().isBlank()
        || request.subjectId().length() > 255) {
      throw new IllegalArgumentException("subjectId must have 1 to 255 characters");
    }
    if (request.reason() == null
        || request.reason().isBlank()
        || request.reason().length() > MAX_REASON) {
      throw new IllegalArgumentException(
          "reason must say why, in 1 to " + MAX_REASON + " characters (not naming the subject)");
    }
  }
}
