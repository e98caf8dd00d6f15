package io.baton.models;

/**
 * A priced model was not asked because the worst case of the call does not fit one of the budgets
 * of its case: per case, per process per day or per tenant per day ({@code baton.budgets.*}). A
 * fallback chain moves on to its next tier, usually the free {@code local} model; without one, the
 * task raises BPMN error {@value #CODE}.
 */
public class BudgetExceededException extends ModelUnavailableException {

  public static final String CODE = "BUDGET_EXCEEDED";

  public BudgetExceededException(String message) {
    super(message, null, null);
  }
}
