package io.baton.workers;

import static io.baton.support.ProcessInstances.awaitWaitingAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.support.EngineIT;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An engine without workers of its own, and a standalone worker context that reaches it only
 * through the authenticated REST API, as {@code docker-compose.yml} runs them.
 */
@EngineIT(properties = "baton.workers.enabled=false")
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
        WorkerApplication.start(TestWorkers.args(port, "worker-dev-only"))) {
      awaitWaitingAt(pi, "send-reply");
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
