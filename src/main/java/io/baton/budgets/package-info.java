/**
 * Budgets of priced model calls, kept by the engine for every worker: a call's worst case is
 * reserved before it is made, per case, per process per day and per tenant per day, and settled
 * with its actual cost when the call is recorded.
 */
package io.baton.budgets;
