package io.baton.audit;

import io.baton.budgets.BudgetLedger;
import io.baton.models.BudgetClaim;
import io.baton.models.ModelCallLog;
import io.baton.models.ModelCallRecord;
import io.baton.models.RateClaim;
import io.baton.ratelimits.RateWindows;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps model calls in {@code baton_model_call}, beside the engine's tables. */
@Component
public class JdbcModelCallLog implements ModelCallLog {

  private static final String COLUMNS =
      "call_id, started_at, model, provider, provider_model, task, prompt_id, prompt_version, input_tokens,"
          + " output_tokens, cost, latency_ms, outcome, error, input_sha256, process_instance_id,"
          + " activity_id, task_id";

  private final JdbcTemplate jdbc;
  private final CaseTrail trail;
  private final BudgetLedger budgets;
  private final RateWindows rateWindows;

  public JdbcModelCallLog(
      JdbcTemplate jdbc, CaseTrail trail, BudgetLedger budgets, RateWindows rateWindows) {
    this.jdbc = jdbc;
    this.trail = trail;
    this.budgets = budgets;
    this.rateWindows = rateWindows;
  }

  /**
   * Keeps the call once, settles its budget reservation and appends it to its case's trail, all in
   * one transaction. Two reports of one call racing each other meet at the unique {@code call_id}:
   * the second fails with a {@link org.springframework.dao.DuplicateKeyException} and leaves
   * nothing behind.
   */
  @Override
  @Transactional
  public boolean record(ModelCallRecord call) {
    return recordAll(List.of(call)).get(0);
  }

  /**
   * Keeps a batch of calls like {@link #record} keeps one, all in one transaction: for each call,
   * in order, whether this was its first report (a call reported before, or earlier in the batch,
   * is kept once). Budget accounts and then trail heads are locked in a fixed order, so two
   * batches, or a batch and a reservation, never wait for each other in a circle.
   */
  @Transactional
  public List<Boolean> recordAll(List<ModelCallRecord> calls) {
    for (ModelCallRecord call : calls) {
      if (call.callId() == null) {
        throw new IllegalArgumentException("a model call record needs the callId it was made with");
      }
    }
    Set<String> kept = recordedCallIds(calls);
    List<Boolean> first = new ArrayList<>();
    List<ModelCallRecord> fresh = new ArrayList<>();
    for (ModelCallRecord call : calls) {
      boolean isNew = kept.add(call.callId());
      first.add(isNew);
      if (isNew) {
        fresh.add(call);
      }
    }
    if (fresh.isEmpty()) {
      return first;
    }
    jdbc.batchUpdate(
        "INSERT INTO baton_model_call ("
            + COLUMNS
            + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        fresh.stream().map(JdbcModelCallLog::row).toList());
    budgets.settleAll(
        fresh.stream()
            .map(call -> new BudgetLedger.Settlement(call.callId(), call.cost()))
            .toList());
    Map<String, List<TrailEvent>> byCase = new TreeMap<>();
    for (ModelCallRecord call : fresh) {
      if (call.processInstanceId() != null) {
        byCase
            .computeIfAbsent(call.processInstanceId(), id -> new ArrayList<>())
            .add(trailEvent(call));
      }
    }
    byCase.forEach(trail::appendAll);
    return first;
  }

  private Set<String> recordedCallIds(List<ModelCallRecord> calls) {
    List<String> ids = calls.stream().map(ModelCallRecord::callId).distinct().toList();
    return new HashSet<>(
        jdbc.queryForList(
            "SELECT call_id FROM baton_model_call WHERE call_id IN ("
                + String.join(",", Collections.nCopies(ids.size(), "?"))
                + ")",
            String.class,
            ids.toArray()));
  }

  private static Object[] row(ModelCallRecord call) {
    return new Object[] {
      call.callId(),
      Timestamp.from(call.startedAt()),
      call.model(),
      call.provider(),
      call.providerModel(),
      call.task(),
      call.promptId(),
      call.promptVersion(),
      call.inputTokens(),
      call.outputTokens(),
      call.cost(),
      call.latencyMillis(),
      call.outcome(),
      call.error(),
      call.inputHash(),
      call.processInstanceId(),
      call.activityId(),
      call.taskId()
    };
  }

  @Override
  public void reserve(BudgetClaim claim) {
    budgets.reserve(claim);
  }

  @Override
  public void admit(RateClaim claim) {
    rateWindows.admit(claim);
  }

  /** A model call as its case's trail shows it; an answer is marked as AI-generated. */
  static TrailEvent trailEvent(ModelCallRecord call) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("provider", call.provider());
    payload.put("providerModel", call.providerModel());
    payload.put("task", call.task());
    payload.put("promptId", call.promptId());
    payload.put("promptVersion", call.promptVersion());
    payload.put("promptSha256", call.promptSha256());
    payload.put("inputSha256", call.inputHash());
    payload.put("output", call.output());
    payload.put("inputTokens", call.inputTokens());
    payload.put("outputTokens", call.outputTokens());
    payload.put("cost", call.cost());
    payload.put("latencyMs", call.latencyMillis());
    payload.put("outcome", call.outcome());
    payload.put("error", call.error());
    payload.put("externalTaskId", call.taskId());
    payload.put("startedAt", call.startedAt());
    return new TrailEvent(
        TrailKind.MODEL_CALL,
        "model:" + call.model(),
        call.activityId(),
        call.model(),
        call.output() != null,
        "model-call:" + call.callId(),
        payload);
  }

  /** The calls made for one process instance, oldest first. */
  public List<ModelCallRecord> forProcessInstance(String processInstanceId) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM baton_model_call WHERE process_instance_id = ? ORDER BY id",
        (rs, row) ->
            new ModelCallRecord(
                rs.getString("call_id"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getString("model"),
                rs.getString("provider"),
                rs.getString("provider_model"),
                rs.getString("task"),
                rs.getString("prompt_id"),
                (Integer) rs.getObject("prompt_version", Integer.class),
                rs.getInt("input_tokens"),
                rs.getInt("output_tokens"),
                rs.getBigDecimal("cost"),
                rs.getLong("latency_ms"),
                rs.getString("outcome"),
                rs.getString("error"),
                rs.getString("input_sha256"),
                rs.getString("process_instance_id"),
                rs.getString("activity_id"),
                rs.getString("task_id"),
                null,
                null),
        processInstanceId);
  }
}
