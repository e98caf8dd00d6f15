package io.baton.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * An engine without workers of its own, and a standalone worker context that reaches it only
 * through the authenticated REST API, as {@code docker-compose.yml} runs them.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "baton.workers.enabled=false")
@ActiveProfiles("test")
class StandaloneWorkerIT {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  @Test
  void should_complete_the_ai_steps_from_a_separate_worker() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "customer-request",
            Map.of("message", "I forgot my password, help", "customerId", "C-9"));

    try (ConfigurableApplicationContext worker =
        WorkerApplication.start(
            "--baton.workers.base-url=http://localhost:" + port + "/engine-rest",
            "--baton.workers.password=worker-dev-only",
            "--baton.workers.async-response-timeout=1s")) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> runtime.getActiveActivityIds(pi.getId()).contains("send-reply"));
    }

    assertThat(runtime.getVariable(pi.getId(), "intent")).isEqualTo("PASSWORD_RESET");
    assertThat(runtime.getVariable(pi.getId(), "reply")).asString().contains("C-9");
    assertThat(
            jdbc.queryForList(
                "SELECT task || ':' || outcome FROM baton_model_call WHERE process_instance_id = ?"
                    + " ORDER BY id",
                String.class,
                pi.getId()))
        .as("the worker has no database: its model calls reach the engine's audit over REST")
        .containsExactly("classify:OK", "draft:OK");
  }
}
