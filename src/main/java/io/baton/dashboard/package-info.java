/**
 * The operations dashboard: a page at {@code /dashboard} and its figures at {@code GET
 * /api/dashboard} (cost, latency, outcomes, success rates, incidents, reviewer agreement, budgets).
 */
package io.baton.dashboard;
