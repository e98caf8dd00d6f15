/**
 * The effect ledger: side effects of tool connectors recorded under an idempotency key in the
 * engine's database, so a task that runs again (lock expired, worker killed before it completed)
 * returns the recorded result instead of acting twice. Workers reach it through {@code
 * /api/effects}.
 */
package io.baton.effects;
