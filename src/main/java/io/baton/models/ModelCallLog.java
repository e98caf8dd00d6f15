package io.baton.models;

/**
 * Keeps the audit record of every model call, the budgets its case spends and the rate windows of
 * its model: in the engine's database when the connectors run in the engine application, through
 * the engine's REST API in a standalone worker.
 */
public interface ModelCallLog {

  /**
   * Keeps the call once: a second report with the same {@link ModelCallRecord#callId()} is
   * recognised and changes nothing.
   *
   * <p>Settles the call's budget reservation, if it has one, with what the call actually cost.
   *
   * @return whether this report was the first of the call
   */
  boolean record(ModelCallRecord call);

  /**
   * Reserves a priced call's worst-case cost against every budget of its case (per case, per
   * process per day, per tenant per day) at once, before the call is made; a second claim with the
   * same {@link BudgetClaim#callId()} changes nothing.
   *
   * @throws BudgetExceededException naming the budget the reservation does not fit; nothing is
   *     reserved then
   */
  void reserve(BudgetClaim claim);

  /**
   * Takes room for one call in its model's rate window, shared by every worker of the deployment.
   *
   * @throws RateLimitedException when the window is full, saying when the next one opens
   * @throws IllegalArgumentException when the call alone needs more tokens than a window allows
   */
  void admit(RateClaim claim);
}
