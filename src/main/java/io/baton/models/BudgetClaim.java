package io.baton.models;

import java.math.BigDecimal;

/**
 * What a priced model call asks to reserve before it is made: its worst-case cost (the prompt's
 * tokens at most, plus the model's {@code max-tokens}, at the model's prices), for the case it is
 * made for. The call's record, with the same {@code callId}, settles the reservation with the
 * actual cost.
 */
public record BudgetClaim(
    String callId, String model, String processInstanceId, BigDecimal worstCaseCost) {}
