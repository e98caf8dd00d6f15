package io.baton.dashboard;

import io.baton.dashboard.Dashboard.CaseCost;
import io.baton.dashboard.Dashboard.Costs;
import io.baton.dashboard.Dashboard.ModelLatency;
import io.baton.dashboard.Dashboard.ModelOutcomes;
import io.baton.dashboard.Dashboard.ProcessCost;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cost, latency and outcomes from {@code baton_model_call}, joined to the engine's process history
 * ({@code ACT_HI_PROCINST}) on the same database for business keys and process definition keys.
 */
@Component
class ModelCallFigures {

  static final int TOP_CASES = 10;

  private final JdbcTemplate jdbc;

  ModelCallFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Costs costs(Window window) {
    Timestamp since = Timestamp.from(window.since());
    Map<String, Object> totals =
        jdbc.queryForMap(
            "SELECT COUNT(DISTINCT process_instance_id) AS cases, SUM(cost) AS total"
                + " FROM baton_model_call WHERE started_at >= ? AND process_instance_id IS NOT NULL",
            since);
    long cases = ((Number) totals.get("cases")).longValue();
    BigDecimal total = totals.get("total") == null ? BigDecimal.ZERO : money(totals.get("total"));
    BigDecimal average =
        cases == 0
            ? BigDecimal.ZERO
            : money(total.divide(BigDecimal.valueOf(cases), 8, RoundingMode.HALF_UP));
    List<CaseCost> top =
        jdbc.query(
            "SELECT m.process_instance_id, p.BUSINESS_KEY_, p.PROC_DEF_KEY_, COUNT(*), SUM(m.cost)"
                + " FROM baton_model_call m LEFT JOIN ACT_HI_PROCINST p"
                + " ON p.ID_ = m.process_instance_id"
                + " WHERE m.started_at >= ? AND m.process_instance_id IS NOT NULL"
                + " GROUP BY m.process_instance_id, p.BUSINESS_KEY_, p.PROC_DEF_KEY_"
                + " ORDER BY SUM(m.cost) DESC, COUNT(*) DESC, m.process_instance_id"
                + " FETCH FIRST "
                + TOP_CASES
                + " ROWS ONLY",
            (rs, row) ->
                new CaseCost(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    money(rs.getBigDecimal(5))),
            since);
    return new Costs(total, cases, average, top);
  }

  List<ProcessCost> costPerProcess(Window window) {
    return jdbc.query(
        "SELECT p.PROC_DEF_KEY_, COUNT(DISTINCT m.process_instance_id), COUNT(*), SUM(m.cost)"
            + " FROM baton_model_call m LEFT JOIN ACT_HI_PROCINST p ON p.ID_ = m.process_instance_id"
            + " WHERE m.started_at >= ? AND m.process_instance_id IS NOT NULL"
            + " GROUP BY p.PROC_DEF_KEY_ ORDER BY SUM(m.cost) DESC, p.PROC_DEF_KEY_",
        (rs, row) ->
            new ProcessCost(
                rs.getString(1), rs.getLong(2), rs.getLong(3), money(rs.getBigDecimal(4))),
        Timestamp.from(window.since()));
  }

  List<ModelLatency> latency(Window window) {
    Map<String, List<Long>> perModel = new TreeMap<>();
    jdbc.query(
        "SELECT model, latency_ms FROM baton_model_call WHERE started_at >= ? AND outcome = 'OK'"
            + " ORDER BY model, latency_ms",
        rs -> {
          perModel.computeIfAbsent(rs.getString(1), m -> new ArrayList<>()).add(rs.getLong(2));
        },
        Timestamp.from(window.since()));
    return perModel.entrySet().stream()
        .map(
            e ->
                new ModelLatency(
                    e.getKey(),
                    e.getValue().size(),
                    Percentiles.of(e.getValue(), 50),
                    Percentiles.of(e.getValue(), 95)))
        .toList();
  }

  List<ModelOutcomes> outcomes(Window window) {
    Map<String, Map<String, Long>> perModel = new TreeMap<>();
    jdbc.query(
        "SELECT model, outcome, COUNT(*) FROM baton_model_call WHERE started_at >= ?"
            + " GROUP BY model, outcome ORDER BY model, outcome",
        rs -> {
          perModel
              .computeIfAbsent(rs.getString(1), m -> new LinkedHashMap<>())
              .put(rs.getString(2), rs.getLong(3));
        },
        Timestamp.from(window.since()));
    return perModel.entrySet().stream()
        .map(
            e -> {
              long calls = e.getValue().values().stream().mapToLong(Long::longValue).sum();
              long ok = e.getValue().getOrDefault("OK", 0L);
              return new ModelOutcomes(e.getKey(), calls, e.getValue(), (double) ok / calls);
            })
        .toList();
  }

  private static BigDecimal money(Object value) {
    return Money.plain(
        value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString()));
  }
}
