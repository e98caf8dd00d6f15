package io.baton.governance;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The governed process drawn from templates, on the embedded default database, H2. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GovernedNoticeH2IT extends GovernedNoticeScenarios {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    webhook(registry);
  }
}
