package io.baton.budgets;

import io.baton.budgets.BudgetAccount.Scope;
import io.baton.models.BudgetClaim;
import io.baton.models.BudgetExceededException;
import io.baton.models.ModelsProperties;
import io.baton.rows.LockedRow;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves a priced call's worst case before it is made and settles it with the actual cost after.
 * A reservation locks every account it needs, in {@link Scope} order, checks that spent plus
 * reserved plus the claim stays within each budget, and adds the claim to each, all in one
 * transaction: two calls of one case, of one process or of one tenant, from any number of workers,
 * cannot both take the last of a budget.
 */
@Repository
public class BudgetLedger {

  private final JdbcTemplate jdbc;
  private final LockedRow lockedRow;
  private final ModelsProperties.Budgets budgets;

  public BudgetLedger(JdbcTemplate jdbc, LockedRow lockedRow, ModelsProperties properties) {
    this.jdbc = jdbc;
    this.lockedRow = lockedRow;
    this.budgets =
        properties.budgets() == null ? ModelsProperties.Budgets.NONE : properties.budgets();
  }

  /**
   * Reserves the claim in every account of its case that has a budget; a claim already reserved
   * (the same call id, sent again) changes nothing.
   *
   * @throws BudgetExceededException naming the budget that the claim does not fit
   * @throws IllegalArgumentException when the claim's process instance is not running
   */
  @Transactional
  public void reserve(BudgetClaim claim) {
    if (claim.worstCaseCost() == null || claim.worstCaseCost().signum() < 0) {
      throw new IllegalArgumentException("a budget claim needs a worst-case cost of zero or more");
    }
    RunningCase running = runningCase(claim.processInstanceId());
    Instant now = Instant.now();
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<BudgetAccount> accounts = accounts(running, claim.processInstanceId(), day);
    if (accounts.isEmpty()) {
      return;
    }
    List<Balance> balances = new ArrayList<>();
    for (BudgetAccount account : accounts) {
      balances.add(lock(account));
    }
    if (reserved(claim.callId())) {
      return;
    }
    for (Balance balance : balances) {
      BigDecimal after = balance.spent().add(balance.reserved()).add(claim.worstCaseCost());
      if (after.compareTo(balance.account().limit()) > 0) {
        throw new BudgetExceededException(
            ("%s has spent %s and reserved %s on model calls; this call may cost up to %s, and its"
                    + " budget is %s (%s)")
                .formatted(
                    balance.account().describe(),
                    plain(balance.spent()),
                    plain(balance.reserved()),
                    plain(claim.worstCaseCost()),
                    plain(balance.account().limit()),
                    balance.account().scope().setting));
      }
    }
    for (BudgetAccount account : accounts) {
      jdbc.update(
          "UPDATE baton_budget_account SET reserved = reserved + ?"
              + " WHERE scope = ? AND subject = ? AND budget_day = ?",
          claim.worstCaseCost(),
          account.scope().name(),
          account.subject(),
          Date.valueOf(account.day()));
    }
    jdbc.update(
        "INSERT INTO baton_budget_reservation (call_id, model, process_instance_id, process_key,"
            + " tenant_id, budget_day, amount, reserved_at, expires_at, scopes)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        claim.callId(),
        claim.model(),
        claim.processInstanceId(),
        running.processKey(),
        running.tenantId(),
        Date.valueOf(day),
        claim.worstCaseCost(),
        Timestamp.from(now),
        Timestamp.from(now.plus(budgets.reservationTimeout())),
        String.join(",", accounts.stream().map(a -> a.scope().name()).toList()));
  }

  /**
   * Settles a call's reservation, if it has an open one, with what the call cost: the worst case
   * leaves the reserved sums and the cost joins the spent ones. Runs in the caller's transaction
   * (the call's record), so a call is settled exactly when it is recorded.
   */
  @Transactional
  public void settle(String callId, BigDecimal cost) {
    close(List.of(new Settlement(callId, cost)));
  }

  /**
   * Settles the reservations of many recorded calls at once, locking the accounts they touch in
   * {@link Scope} order like a reservation does, so a batch and a reservation never wait for each
   * other in a circle.
   */
  @Transactional
  public void settleAll(Collection<Settlement> settlements) {
    close(settlements);
  }

  /**
   * Closes a reservation whose call was never reported in time (its worker died before or after the
   * call): it counts as spent at its worst case, since the call may have been made.
   */
  @Transactional
  public void expire(String callId) {
    close(List.of(new Settlement(callId, null)));
  }

  /** A recorded call's cost, or {@code null} for an expired reservation (its worst case counts). */
  public record Settlement(String callId, BigDecimal cost) {}

  private void close(Collection<Settlement> settlements) {
    if (settlements.isEmpty()) {
      return;
    }
    Map<String, BigDecimal> costs = new HashMap<>();
    settlements.forEach(settlement -> costs.put(settlement.callId(), settlement.cost()));
    List<Reservation> open =
        jdbc.query(
            "SELECT call_id, process_instance_id, process_key, tenant_id, budget_day, amount, scopes"
                + " FROM baton_budget_reservation WHERE settled_at IS NULL AND call_id IN ("
                + String.join(",", Collections.nCopies(costs.size(), "?"))
                + ") ORDER BY call_id FOR UPDATE",
            (rs, row) ->
                new Reservation(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getDate(5).toLocalDate(),
                    rs.getBigDecimal(6),
                    rs.getString(7)),
            costs.keySet().toArray());
    Map<AccountKey, BigDecimal[]> changes = new TreeMap<>();
    List<Object[]> settled = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (Reservation reservation : open) {
      BigDecimal actual = costs.get(reservation.callId());
      BigDecimal cost = actual == null ? reservation.amount() : actual;
      for (Scope scope : reservation.scopes()) {
        AccountKey key =
            new AccountKey(
                scope,
                reservation.subject(scope),
                scope == Scope.CASE ? BudgetAccount.LIFETIME : reservation.day());
        BigDecimal[] change =
            changes.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        change[0] = change[0].add(reservation.amount());
        change[1] = change[1].add(cost);
      }
      settled.add(new Object[] {now, cost, reservation.callId()});
    }
    changes.forEach(
        (account, change) ->
            jdbc.update(
                "UPDATE baton_budget_account SET reserved = reserved - ?, spent = spent + ?"
                    + " WHERE scope = ? AND subject = ? AND budget_day = ?",
                change[0],
                change[1],
                account.scope().name(),
                account.subject(),
                Date.valueOf(account.day())));
    jdbc.batchUpdate(
        "UPDATE baton_budget_reservation SET settled_at = ?, settled_cost = ? WHERE call_id = ?",
        settled);
  }

  /** An account's key, ordered as accounts are locked: by scope, then subject, then day. */
  private record AccountKey(Scope scope, String subject, LocalDate day)
      implements Comparable<AccountKey> {

    private static final Comparator<AccountKey> LOCK_ORDER =
        Comparator.comparing(AccountKey::scope)
            .thenComparing(AccountKey::subject)
            .thenComparing(AccountKey::day);

    @Override
    public int compareTo(AccountKey other) {
      return LOCK_ORDER.compare(this, other);
    }
  }

  /** The reservations whose calls were never reported and whose time is up (their worker died). */
  public List<String> expired(Instant now, int limit) {
    return jdbc.queryForList(
        "SELECT call_id FROM baton_budget_reservation WHERE settled_at IS NULL AND expires_at < ?"
            + " ORDER BY expires_at FETCH FIRST "
            + limit
            + " ROWS ONLY",
        String.class,
        Timestamp.from(now));
  }

  /** The accounts of a case that have a budget, in lock order. */
  private List<BudgetAccount> accounts(
      RunningCase running, String processInstanceId, LocalDate day) {
    List<BudgetAccount> accounts = new ArrayList<>();
    if (budgets.perCase() != null) {
      accounts.add(
          new BudgetAccount(
              Scope.CASE, processInstanceId, BudgetAccount.LIFETIME, budgets.perCase()));
    }
    BigDecimal perProcess =
        ModelsProperties.Budgets.of(budgets.perProcessPerDay(), running.processKey());
    if (perProcess != null) {
      accounts.add(new BudgetAccount(Scope.PROCESS_DAY, running.processKey(), day, perProcess));
    }
    BigDecimal perTenant =
        ModelsProperties.Budgets.of(budgets.perTenantPerDay(), running.tenantId());
    if (perTenant != null) {
      accounts.add(new BudgetAccount(Scope.TENANT_DAY, running.tenantId(), day, perTenant));
    }
    return accounts;
  }

  /**
   * The account's row, locked for this transaction. A new account is made under a savepoint (two
   * callers may make it at once), starting from what the calls already recorded have cost.
   */
  private Balance lock(BudgetAccount account) {
    return lockedRow.lock(
        () -> selectForUpdate(account),
        () ->
            jdbc.update(
                "INSERT INTO baton_budget_account (scope, subject, budget_day, spent, reserved)"
                    + " VALUES (?, ?, ?, ?, 0)",
                account.scope().name(),
                account.subject(),
                Date.valueOf(account.day()),
                alreadySpent(account)));
  }

  private List<Balance> selectForUpdate(BudgetAccount account) {
    return jdbc.query(
        "SELECT spent, reserved FROM baton_budget_account"
            + " WHERE scope = ? AND subject = ? AND budget_day = ? FOR UPDATE",
        (rs, row) -> new Balance(account, rs.getBigDecimal(1), rs.getBigDecimal(2)),
        account.scope().name(),
        account.subject(),
        Date.valueOf(account.day()));
  }

  /** What the calls recorded before the account existed have cost (its budget was set since). */
  private BigDecimal alreadySpent(BudgetAccount account) {
    String sql =
        switch (account.scope()) {
          case CASE -> "SELECT SUM(cost) FROM baton_model_call WHERE process_instance_id = ?";
          case PROCESS_DAY ->
              "SELECT SUM(m.cost) FROM baton_model_call m JOIN ACT_HI_PROCINST p"
                  + " ON p.PROC_INST_ID_ = m.process_instance_id WHERE p.PROC_DEF_KEY_ = ?"
                  + " AND m.started_at >= ? AND m.started_at < ?";
          case TENANT_DAY ->
              "SELECT SUM(m.cost) FROM baton_model_call m JOIN ACT_HI_PROCINST p"
                  + " ON p.PROC_INST_ID_ = m.process_instance_id WHERE p.TENANT_ID_ = ?"
                  + " AND m.started_at >= ? AND m.started_at < ?";
        };
    BigDecimal spent =
        account.scope() == Scope.CASE
            ? jdbc.queryForObject(sql, BigDecimal.class, account.subject())
            : jdbc.queryForObject(
                sql,
                BigDecimal.class,
                account.subject(),
                Timestamp.from(account.day().atStartOfDay(ZoneOffset.UTC).toInstant()),
                Timestamp.from(account.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    return spent == null ? BigDecimal.ZERO : spent;
  }

  private boolean reserved(String callId) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM baton_budget_reservation WHERE call_id = ?",
            Integer.class,
            callId);
    return count != null && count > 0;
  }

  /** The process and tenant of a running case, read from the engine's runtime tables. */
  private RunningCase runningCase(String processInstanceId) {
    List<RunningCase> found =
        jdbc.query(
            "SELECT d.KEY_, e.TENANT_ID_ FROM ACT_RU_EXECUTION e"
                + " JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_"
                + " WHERE e.ID_ = ? AND e.PROC_INST_ID_ = e.ID_",
            (rs, row) -> new RunningCase(rs.getString(1), rs.getString(2)),
            processInstanceId);
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          "process instance "
              + processInstanceId
              + " is not running: no budget is reserved for it");
    }
    return found.get(0);
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }

  private record RunningCase(String processKey, String tenantId) {}

  private record Balance(BudgetAccount account, BigDecimal spent, BigDecimal reserved) {}

  private record Reservation(
      String callId,
      String processInstanceId,
      String processKey,
      String tenantId,
      LocalDate day,
      BigDecimal amount,
      String scopeNames) {

    List<Scope> scopes() {
      return Arrays.stream(scopeNames.split(",")).map(Scope::valueOf).toList();
    }

    String subject(Scope scope) {
      return switch (scope) {
        case CASE -> processInstanceId;
        case PROCESS_DAY -> processKey;
        case TENANT_DAY -> tenantId;
      };
    }
  }
}
