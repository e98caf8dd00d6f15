package io.baton.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.review.ReviewDecision;
import io.baton.review.ReviewOutcome;
import io.baton.review.ReviewOutcomeStore;
import io.baton.support.ProcessInstances;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starting customer requests over HTTP: authentication, and bad input refused with a reason; and
 * what operators read of the embedded workers. Runs nested in {@link CustomerRequestH2IT}, in its
 * application.
 */
abstract class CustomerRequestApiChecks {

  @Autowired TestRestTemplate http;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired ReviewOutcomeStore outcomes;
  @Autowired JdbcTemplate jdbc;

  @Test
  void should_show_operators_how_the_embedded_workers_and_models_are_doing() throws Exception {
    runtime.startProcessInstanceByKey(
        "customer-request", Map.of("message", "I forgot my password, help", "customerId", "C-3"));

    await()
        .atMost(ProcessInstances.WORKERS)
        .untilAsserted(
            () ->
                assertThat(prometheus())
                    .containsPattern(
                        "baton_connector_tasks_seconds_count\\{outcome=\"complete\",topic=\"baton.classify\"")
                    .containsPattern(
                        "baton_model_calls_seconds_count\\{model=\"[a-z-]+\",outcome=\"OK\",provider=\"local\",task=\"classify\"")
                    .contains("baton_connector_tasks_seconds_bucket{")
                    .contains("baton_model_tokens_total{")
                    .contains("baton_model_cost_total{")
                    .contains("baton_worker_in_flight{topic=\"baton.classify\"")
                    .contains("baton_worker_backlog "));

    // health for load balancers: each part by name, without details
    JsonNode health =
        new ObjectMapper().readTree(http.getForObject("/actuator/health", String.class));
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/workers/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/models/components/local/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/workers/details").isMissingNode()).isTrue();
  }

  private String prometheus() {
    ResponseEntity<String> response =
        http.withBasicAuth("admin", "admin").getForEntity("/actuator/prometheus", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  @Test
  void should_refuse_the_engine_rest_api_without_credentials() {
    ResponseEntity<String> response =
        http.getForEntity("/engine-rest/process-definition", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void should_refuse_wrong_credentials() {
    ResponseEntity<String> response =
        http.withBasicAuth("reviewer", "wrong").getForEntity("/engine-rest/task", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void should_answer_an_authenticated_user_within_their_authorizations() {
    ResponseEntity<String> response =
        http.withBasicAuth("reviewer", "reviewer")
            .getForEntity("/engine-rest/process-definition?key=customer-request", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"key\":\"customer-request\"");
  }

  @Test
  void should_refuse_baton_api_without_credentials() {
    ResponseEntity<String> response =
        http.postForEntity(
            "/api/customer-requests", request("Where is my order?", "C-1"), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void should_start_a_request_for_an_authenticated_user() {
    ResponseEntity<String> response = post(request("Where is my order? It is late.", "C-7"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody()).contains("processInstanceId");
    assertThat(response.getHeaders().getLocation()).isNotNull();
  }

  @Test
  void should_carry_the_amount_into_the_case() {
    ResponseEntity<String> response =
        http.withBasicAuth("reviewer", "reviewer")
            .postForEntity(
                "/api/customer-requests",
                Map.of("message", "Refund my order please", "customerId", "C-8", "amount", 900),
                String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = response.getBody().replaceAll(".*\"processInstanceId\":\"([^\"]+)\".*", "$1");
    assertThat(runtime.getVariable(id, "amount")).isEqualTo(900.0);
  }

  @Test
  void should_answer_403_when_the_user_may_not_start_requests() {
    ResponseEntity<String> response =
        http.withBasicAuth("auditor", "auditor")
            .postForEntity(
                "/api/customer-requests", request("Where is my order?", "C-1"), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void should_refuse_bad_requests_with_a_reason_and_start_nothing() {
    long before = history.createHistoricProcessInstanceQuery().count();

    assertBadRequest(post(request("", "C-1")), "message is required");
    assertBadRequest(
        post(request("x".repeat(4_001), "C-1")), "message has 4001 characters; the limit is 4000");
    assertBadRequest(post(Map.of("message", "Where is my order?")), "customerId is required");
    assertBadRequest(
        post(Map.of("message", "Refund", "customerId", "C-1", "amount", -5)), "amount must be");

    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void should_refuse_bad_input_through_the_engine_rest_api_with_400() {
    long before = history.createHistoricProcessInstanceQuery().count();
    Map<String, Object> body =
        Map.of(
            "variables",
            Map.of("message", Map.of("value", ""), "customerId", Map.of("value", "C-1")));

    ResponseEntity<String> response =
        http.withBasicAuth("reviewer", "reviewer")
            .postForEntity(
                "/engine-rest/process-definition/key/customer-request/start", body, String.class);

    assertBadRequest(response, "message is required");
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void should_report_review_stats_per_model_and_task_type() {
    jdbc.update("DELETE FROM baton_review_outcome");
    outcomes.record(outcome("t1", ReviewDecision.APPROVE));
    outcomes.record(outcome("t2", ReviewDecision.APPROVE));
    outcomes.record(outcome("t3", ReviewDecision.CHANGE_LABEL));
    outcomes.record(outcome("t4", ReviewDecision.REJECT));

    ResponseEntity<String> response =
        http.withBasicAuth("auditor", "auditor").getForEntity("/api/review-stats", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody())
        .contains("\"model\":\"local\"", "\"taskType\":\"customer-intents\"")
        .contains("\"approved\":2", "\"corrected\":1", "\"rejected\":1")
        .contains("\"accuracy\":0.666", "\"agreement\":0.5");
  }

  private static ReviewOutcome outcome(String taskId, ReviewDecision decision) {
    return new ReviewOutcome(
        taskId,
        "pi",
        "customer-intents",
        "local",
        "text",
        "ORDER_STATUS",
        "ORDER_STATUS",
        decision,
        "reviewer",
        Instant.now());
  }

  private ResponseEntity<String> post(Map<String, ?> body) {
    return http.withBasicAuth("reviewer", "reviewer")
        .postForEntity("/api/customer-requests", body, String.class);
  }

  private static Map<String, String> request(String message, String customerId) {
    return Map.of("message", message, "customerId", customerId);
  }

  private static void assertBadRequest(ResponseEntity<String> response, String reason) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains(reason);
  }
}
