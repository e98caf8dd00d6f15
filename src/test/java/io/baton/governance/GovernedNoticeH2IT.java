package io.baton.governance;

import io.baton.support.EngineIT;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The governed process drawn from templates, on the embedded default database, H2. */
@EngineIT
class GovernedNoticeH2IT extends GovernedNoticeScenarios {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    webhook(registry);
  }
}
