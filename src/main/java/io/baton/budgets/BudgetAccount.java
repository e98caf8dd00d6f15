package io.baton.budgets;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One budget a call is reserved against: a case (for its whole life), a process definition for a
 * day, or a tenant for a day. Accounts are locked in {@link Scope} order, so two reservations never
 * wait for each other in a circle.
 */
record BudgetAccount(Scope scope, String subject, LocalDate day, BigDecimal limit) {

  /** A case's account is not by day: it holds everything the case spends. */
  static final LocalDate LIFETIME = LocalDate.of(1970, 1, 1);

  enum Scope {
    CASE("baton.budgets.per-case"),
    PROCESS_DAY("baton.budgets.per-process-per-day"),
    TENANT_DAY("baton.budgets.per-tenant-per-day");

    final String setting;

    Scope(String setting) {
      this.setting = setting;
    }
  }

  String describe() {
    return switch (scope) {
      case CASE -> "process instance " + subject;
      case PROCESS_DAY -> "process '%s' on %s".formatted(subject, day);
      case TENANT_DAY -> "tenant '%s' on %s".formatted(subject, day);
    };
  }
}
