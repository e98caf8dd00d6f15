package io.baton.workers;

import static io.baton.support.ProcessInstances.awaitWaitingAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.learning.LearningScenarios;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestTemplate;

/**
 * An engine without workers of its own, and a standalone worker context that reaches it only
 * through the authenticated REST API, as {@code docker-compose.yml} runs them. Runs nested in
 * {@link WorkersOverRestIT}, in its application.
 */
abstract class StandaloneWorkerChecks {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  @Test
  void should_complete_the_ai_steps_from_a_separate_worker() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "customer-request",
            Map.of("message", "I forgot my password, help", "customerId", "C-9"));
    // what reviewers taught: the worker reads it from the engine, having no database
    jdbc.update("DELETE FROM baton_learned_example");
    for (String corrected : LearningScenarios.CORRECTED) {
      jdbc.update(
          "INSERT INTO baton_learned_example (label_set, label, ai_label, example_text, status,"
              + " corrected_by, corrected_at, approved_by, learned_at, process_instance_id)"
              + " VALUES ('customer-intents', 'COMPLAINT', 'LEGAL', ?, 'LEARNED', 'supervisor',"
              + " CURRENT_TIMESTAMP, 'reviewer', CURRENT_TIMESTAMP, 'earlier-case')",
          corrected);
    }

    try (ConfigurableApplicationContext worker =
        WorkerApplication.start(
            TestWorkers.argsWithManagementPort(
                port, "worker-dev-only", "--baton.workers.metrics-token=scrape-me"))) {
      awaitWaitingAt(pi, "send-reply");
      ProcessInstance learned =
          runtime.startProcessInstanceByKey(
              "customer-request", Map.of("message", LearningScenarios.NEXT, "customerId", "C-10"));
      awaitWaitingAt(learned, "review-ai-suggestion");
      assertThat(runtime.getVariable(learned.getId(), "intent"))
          .as("classified with the examples learned from reviewers (LEGAL without them)")
          .isEqualTo("COMPLAINT");

      // its management port: health for anyone, metrics for the holder of the scrape token
      String management =
          "http://localhost:" + ((WebServerApplicationContext) worker).getWebServer().getPort();
      RestTemplate scraper = new RestTemplate();
      scraper.setErrorHandler(response -> false);
      ResponseEntity<String> health =
          scraper.getForEntity(management + "/actuator/health", String.class);
      assertThat(health.getStatusCode().value()).isEqualTo(200);
      assertThat(health.getBody())
          .contains("\"workers\":{\"status\":\"UP\"}")
          .contains("\"local\":{\"status\":\"UP\"}");
      assertThat(
              scraper
                  .getForEntity(management + "/actuator/prometheus", String.class)
                  .getStatusCode()
                  .value())
          .as("no token")
          .isEqualTo(401);
      HttpHeaders token = new HttpHeaders();
      token.setBearerAuth("scrape-me");
      ResponseEntity<String> metrics =
          scraper.exchange(
              management + "/actuator/prometheus",
              HttpMethod.GET,
              new HttpEntity<>(token),
              String.class);
      assertThat(metrics.getStatusCode().value()).isEqualTo(200);
      assertThat(metrics.getBody())
          .contains(
              "baton_connector_tasks_seconds_count{outcome=\"complete\",topic=\"baton.classify\"")
          .contains(
              "baton_connector_tasks_seconds_count{outcome=\"complete\",topic=\"baton.draft-reply\"")
          .containsPattern(
              "baton_model_calls_seconds_count\\{model=\"[a-z-]+\",outcome=\"OK\",provider=\"local\",task=\"draft\"\\} 2")
          .contains("baton_worker_in_flight{topic=\"baton.classify\"");
    }

    assertThat(runtime.getVariable(pi.getId(), "intent")).isEqualTo("PASSWORD_RESET");
    jdbc.update("DELETE FROM baton_learned_example");
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
