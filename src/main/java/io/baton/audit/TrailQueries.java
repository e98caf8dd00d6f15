package io.baton.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What auditors ask of the trail: cases by business key, entries by time and model, exports. */
@Component
class TrailQueries {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;

  TrailQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  record CaseSummary(
      String processInstanceId,
      String rootProcessInstanceId,
      String businessKey,
      String processDefinitionKey,
      int entries) {}

  List<CaseSummary> casesWithBusinessKey(String businessKey) {
    return jdbc.query(
        "SELECT process_instance_id, root_process_instance_id, business_key,"
            + " process_definition_key, last_seq FROM baton_audit_case WHERE business_key = ?"
            + " ORDER BY process_instance_id",
        (rs, row) ->
            new CaseSummary(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
        businessKey);
  }

  CaseSummary summary(String processInstanceId) {
    List<CaseSummary> found =
        jdbc.query(
            "SELECT process_instance_id, root_process_instance_id, business_key,"
                + " process_definition_key, last_seq FROM baton_audit_case"
                + " WHERE process_instance_id = ?",
            (rs, row) ->
                new CaseSummary(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5)),
            processInstanceId);
    return found.isEmpty() ? null : found.get(0);
  }

  /** A page of entries; {@code nextAfterId} asks for the next page, {@code null} on the last. */
  record Page(List<TrailEntry> entries, Long nextAfterId) {}

  /** What the model calls of a case and of the cases it called cost. */
  BigDecimal costWithCalledCases(String processInstanceId) {
    BigDecimal cost =
        jdbc.queryForObject(
            "SELECT SUM(cost) FROM baton_model_call WHERE process_instance_id = ?"
                + " OR process_instance_id IN (SELECT process_instance_id FROM baton_audit_case"
                + " WHERE root_process_instance_id = ?)",
            BigDecimal.class,
            processInstanceId,
            processInstanceId);
    return cost == null ? BigDecimal.ZERO : cost;
  }

  /**
   * Entries recorded in {@code [from, to)}, optionally of one model or kind, in trail order per
   * case, at most {@code limit}, after the entry with database id {@code afterId}.
   */
  Page entries(Instant from, Instant to, String model, String kind, long afterId, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, "
                + CaseTrail.COLUMNS
                + " FROM baton_audit_entry"
                + " WHERE recorded_at >= ? AND recorded_at < ? AND id > ?");
    List<Object> args = new ArrayList<>(List.of(utc(from), utc(to), afterId));
    if (model != null) {
      sql.append(" AND model = ?");
      args.add(model);
    }
    if (kind != null) {
      sql.append(" AND kind = ?");
      args.add(kind);
    }
    sql.append(" ORDER BY id");
    List<TrailEntry> page = new ArrayList<>();
    long[] lastId = {afterId};
    readOnly.executeWithoutResult(
        status ->
            jdbc.query(
                con -> {
                  var statement = con.prepareStatement(sql.toString());
                  for (int i = 0; i < args.size(); i++) {
                    statement.setObject(i + 1, args.get(i));
                  }
                  statement.setMaxRows(limit);
                  return statement;
                },
                rs -> {
                  page.add(CaseTrail.entry(rs, 0));
                  lastId[0] = rs.getLong("id");
                }));
    return new Page(page, page.size() == limit ? lastId[0] : null);
  }

  /**
   * Every entry recorded in {@code [from, to)}, in database order (trail order within each case),
   * handed to {@code sink} one at a time from a cursor, so an export does not hold a period in
   * memory.
   */
  long stream(Instant from, Instant to, Consumer<TrailEntry> sink) {
    long[] count = {0};
    readOnly.executeWithoutResult(
        status ->
            jdbc.query(
                con -> {
                  var statement =
                      con.prepareStatement(
                          "SELECT "
                              + CaseTrail.COLUMNS
                              + " FROM baton_audit_entry"
                              + " WHERE recorded_at >= ? AND recorded_at < ? ORDER BY id");
                  statement.setFetchSize(500);
                  statement.setObject(1, utc(from));
                  statement.setObject(2, utc(to));
                  return statement;
                },
                rs -> {
                  sink.accept(CaseTrail.entry(rs, 0));
                  count[0]++;
                }));
    return count[0];
  }

  /** How many entries were recorded in {@code [from, to)}. */
  long count(Instant from, Instant to) {
    Long count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM baton_audit_entry WHERE recorded_at >= ? AND recorded_at < ?",
            Long.class,
            utc(from),
            utc(to));
    return count == null ? 0 : count;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
