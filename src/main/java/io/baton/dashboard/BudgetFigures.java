package io.baton.dashboard;

import io.baton.dashboard.Dashboard.BudgetUse;
import io.baton.dashboard.Dashboard.Spender;
import io.baton.models.ModelsProperties;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each budget Baton keeps, its limit, and who spent most against it: the budget per case ({@code
 * baton.budgets.per-case}) over the window, and today's budgets per process and per tenant. A
 * further budget adds one method here and one entry in {@link #uses}.
 */
@Component
class BudgetFigures {

  static final int TOP = 5;

  private final JdbcTemplate jdbc;
  private final ModelsProperties.Budgets budgets;

  BudgetFigures(JdbcTemplate jdbc, ModelsProperties models) {
    this.jdbc = jdbc;
    this.budgets = models.budgets() == null ? ModelsProperties.Budgets.NONE : models.budgets();
  }

  List<BudgetUse> uses(Window window) {
    return List.of(
        perCase(window),
        today(
            "PROCESS_DAY",
            "process",
            "baton.budgets.per-process-per-day",
            budgets.perProcessPerDay()),
        today(
            "TENANT_DAY", "tenant", "baton.budgets.per-tenant-per-day", budgets.perTenantPerDay()));
  }

  /**
   * Today's (UTC) accounts of a budget by day, from the ledger that reserves them: what each
   * process or tenant spent, against its own limit. Accounts exist where a limit is set.
   */
  private BudgetUse today(
      String ledgerScope, String scope, String setting, Map<String, BigDecimal> limits) {
    List<Spender> top =
        jdbc.query(
            "SELECT subject, spent FROM baton_budget_account WHERE scope = ? AND budget_day = ?"
                + " ORDER BY spent DESC, subject FETCH FIRST "
                + TOP
                + " ROWS ONLY",
            (rs, row) ->
                spender(
                    rs.getString(1),
                    rs.getString(1),
                    rs.getBigDecimal(2),
                    ModelsProperties.Budgets.of(limits, rs.getString(1))),
            ledgerScope,
            Date.valueOf(LocalDate.now(ZoneOffset.UTC)));
    return new BudgetUse(setting, scope, null, top);
  }

  /** Cases with model calls in the window, by all they have spent, against the per-case limit. */
  private BudgetUse perCase(Window window) {
    BigDecimal limit = budgets.perCase();
    List<Spender> top =
        jdbc.query(
            "SELECT m.process_instance_id, p.BUSINESS_KEY_, SUM(m.cost) FROM baton_model_call m"
                + " LEFT JOIN ACT_HI_PROCINST p ON p.ID_ = m.process_instance_id"
                + " WHERE m.process_instance_id IN (SELECT process_instance_id FROM"
                + " baton_model_call WHERE started_at >= ? AND process_instance_id IS NOT NULL)"
                + " GROUP BY m.process_instance_id, p.BUSINESS_KEY_"
                + " ORDER BY SUM(m.cost) DESC, m.process_instance_id FETCH FIRST "
                + TOP
                + " ROWS ONLY",
            (rs, row) -> spender(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), limit),
            Timestamp.from(window.since()));
    return new BudgetUse("baton.budgets.per-case", "case", limit, top);
  }

  private static Spender spender(String id, String label, BigDecimal spent, BigDecimal limit) {
    BigDecimal amount = Money.plain(spent);
    Double share =
        limit == null || limit.signum() == 0
            ? null
            : amount.divide(limit, MathContext.DECIMAL64).doubleValue();
    return new Spender(id, label, amount, share);
  }
}
