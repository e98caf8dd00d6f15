package io.baton.models;

/**
 * A priced model was not asked because the case (the process instance) has spent its model budget,
 * {@code baton.budgets.per-case}. A fallback chain moves on to its next tier, usually the free
 * {@code local} model; without one, the task raises BPMN error {@value #CODE}.
 */
public class BudgetExceededException extends ModelUnavailableException {

  public static final String CODE = "BUDGET_EXCEEDED";

  public BudgetExceededException(String message) {
    super(message, null, null);
  }
}
