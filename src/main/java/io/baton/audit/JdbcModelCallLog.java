package io.baton.audit;

import io.baton.models.ModelCallLog;
import io.baton.models.ModelCallRecord;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps model calls in {@code baton_model_call}, beside the engine's tables. */
@Component
public class JdbcModelCallLog implements ModelCallLog {

  private static final String COLUMNS =
      "started_at, model, provider, provider_model, task, prompt_id, prompt_version, input_tokens,"
          + " output_tokens, cost, latency_ms, outcome, error, input_sha256, process_instance_id,"
          + " activity_id, task_id";

  private final JdbcTemplate jdbc;

  public JdbcModelCallLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(ModelCallRecord call) {
    jdbc.update(
        "INSERT INTO baton_model_call (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
        call.taskId());
  }

  @Override
  public BigDecimal spentOn(String processInstanceId) {
    BigDecimal spent =
        jdbc.queryForObject(
            "SELECT SUM(cost) FROM baton_model_call WHERE process_instance_id = ?",
            BigDecimal.class,
            processInstanceId);
    return spent == null ? BigDecimal.ZERO : spent;
  }

  /** The calls made for one process instance, oldest first. */
  public List<ModelCallRecord> forProcessInstance(String processInstanceId) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM baton_model_call WHERE process_instance_id = ? ORDER BY id",
        (rs, row) ->
            new ModelCallRecord(
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
                rs.getString("task_id")),
        processInstanceId);
  }
}
