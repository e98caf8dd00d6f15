package io.baton.dashboard;

import static io.baton.support.ProcessInstances.awaitEnded;
import static io.baton.support.ProcessInstances.awaitWaitingAt;
import static io.baton.support.ProcessInstances.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.audit.JdbcModelCallLog;
import io.baton.budgets.BudgetLedger;
import io.baton.models.BudgetClaim;
import io.baton.models.ModelCallRecord;
import io.baton.support.EngineIT;
import io.baton.support.TasklistBrowser;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Four customer requests (approved and sent, rejected, corrected and still open with an incident,
 * withdrawn), plus priced calls of a test model with known costs and latencies: the figures of
 * {@code GET /api/dashboard}, and the page in headless Chromium behind the Camunda login.
 */
@EngineIT(
    properties = {
      "baton.budgets.per-case=0.05",
      "baton.budgets.per-process-per-day.dashboard-budget=2"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {

  static final String PRICED = "priced-test";
  static final String COMPLAINT =
      "The blender I bought stopped working after two days, I am upset.";
  static final String INCIDENT = "the reply channel is down";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcModelCallLog calls;
  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repository;
  @Autowired BudgetLedger budgets;
  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  ProcessInstance approved;
  ProcessInstance rejected;
  ProcessInstance corrected;
  ProcessInstance withdrawn;
  TasklistBrowser browser;

  @BeforeAll
  void runCases() {
    init(engine);
    approved = start("DASH-1");
    rejected = start("DASH-2");
    corrected = start("DASH-3");
    withdrawn = start("DASH-4");
    // the first call of the local model loads it, slowly on a busy machine
    await()
        .atMost(Duration.ofMinutes(3))
        .untilAsserted(
            () ->
                assertThat(
                        tasks.createTaskQuery().taskDefinitionKey("review-ai-suggestion").count())
                    .as("cases waiting for review")
                    .isEqualTo(4));
    decide(approved, "reviewer", "reviewDecision", "APPROVE");
    management.executeJob(
        management.createJobQuery().processInstanceId(approved.getId()).singleResult().getId());
    awaitEnded(approved);
    decide(rejected, "reviewer", "reviewDecision", "REJECT", "rejectReason", "duplicate");
    awaitEnded(rejected);
    decide(
        corrected,
        "reviewer",
        "reviewDecision",
        "CHANGE_LABEL",
        "correctedLabel",
        "REFUND_REQUEST");
    awaitWaitingAt(corrected, "review-ai-suggestion");
    runtime.createIncident(
        "dashboard-check",
        runtime
            .createExecutionQuery()
            .processInstanceId(corrected.getId())
            .activityId("review-ai-suggestion")
            .singleResult()
            .getId(),
        "none",
        INCIDENT);
    runtime.deleteProcessInstance(withdrawn.getId(), "the customer withdrew");

    Instant now = Instant.now();
    for (int i = 1; i <= 10; i++) {
      call(approved, now, "OK", "0.004", 10L * i);
      call(corrected, now, "OK", "0.007", 100 + 10L * i);
    }
    for (int i = 0; i < 3; i++) {
      call(rejected, now, "UNAVAILABLE", "0", 5000);
    }
    call(rejected, now, "CIRCUIT_OPEN", "0", 0);
    for (int i = 0; i < 5; i++) {
      call(withdrawn, now.minus(Duration.ofDays(30)), "OK", "1", 9999);
    }
  }

  @BeforeAll
  void startChromium() throws IOException {
    browser = TasklistBrowser.installed() ? TasklistBrowser.start() : null;
  }

  @AfterAll
  void stopChromium() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void should_show_what_the_cases_cost_per_case_and_per_process() {
    JsonNode d = dashboard("operator", "");

    assertThat(d.get("days").asInt()).isEqualTo(7);
    assertThat(d.at("/costs/total").decimalValue()).isEqualByComparingTo("0.11");
    assertThat(d.at("/costs/cases").asLong()).as("all four cases called a model").isEqualTo(4);
    assertThat(d.at("/costs/averagePerCase").decimalValue()).isEqualByComparingTo("0.0275");
    JsonNode top = d.at("/costs/top/0");
    assertThat(top.get("businessKey").asText()).isEqualTo("DASH-3");
    assertThat(top.get("processDefinitionKey").asText()).isEqualTo("customer-request");
    assertThat(top.get("cost").decimalValue()).isEqualByComparingTo("0.07");
    assertThat(top.get("calls").asLong()).isEqualTo(callsOf(corrected));
    assertThat(d.at("/costs/top/1/businessKey").asText()).isEqualTo("DASH-1");

    JsonNode process = only(d.get("costPerProcess"), "processDefinitionKey", "customer-request");
    assertThat(process.get("cases").asLong()).isEqualTo(4);
    assertThat(process.get("cost").decimalValue()).isEqualByComparingTo("0.11");
    assertThat(process.get("calls").asLong())
        .isEqualTo(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM baton_model_call WHERE started_at >= ?",
                Long.class,
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(7)))));
  }

  @Test
  void should_show_latency_and_outcomes_per_model_in_the_window() {
    JsonNode week = dashboard("operator", "");
    JsonNode latency = only(week.get("latency"), "model", PRICED);
    assertThat(latency.get("calls").asLong()).isEqualTo(20);
    assertThat(latency.get("p50Ms").asLong()).isEqualTo(100);
    assertThat(latency.get("p95Ms").asLong()).isEqualTo(190);
    JsonNode outcomes = only(week.get("outcomes"), "model", PRICED);
    assertThat(outcomes.get("calls").asLong()).isEqualTo(24);
    assertThat(outcomes.at("/byOutcome/UNAVAILABLE").asLong()).isEqualTo(3);
    assertThat(outcomes.at("/byOutcome/CIRCUIT_OPEN").asLong()).isEqualTo(1);
    assertThat(outcomes.get("successRate").asDouble()).isCloseTo(20.0 / 24, within(1e-9));
    for (JsonNode model : week.get("outcomes")) {
      assertThat(model.get("calls").asLong())
          .as("calls of %s", model.get("model"))
          .isEqualTo(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM baton_model_call WHERE model = ? AND started_at >= ?",
                  Long.class,
                  model.get("model").asText(),
                  java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(7)))));
    }

    JsonNode quarter = dashboard("operator", "?days=90");
    JsonNode longer = only(quarter.get("latency"), "model", PRICED);
    assertThat(longer.get("calls").asLong()).as("the calls of 30 days ago count too").isEqualTo(25);
    assertThat(longer.get("p50Ms").asLong()).isEqualTo(130);
    assertThat(longer.get("p95Ms").asLong()).isEqualTo(9999);
    assertThat(quarter.at("/costs/total").decimalValue()).isEqualByComparingTo("5.11");
  }

  @Test
  void should_show_success_per_process_open_incidents_and_reviewer_agreement() {
    JsonNode d = dashboard("auditor", "");

    JsonNode process = only(d.get("processes"), "processDefinitionKey", "customer-request");
    assertThat(process.get("started").asLong()).isEqualTo(4);
    assertThat(process.get("completed").asLong()).isEqualTo(2);
    assertThat(process.get("terminated").asLong()).isEqualTo(1);
    assertThat(process.get("running").asLong()).isEqualTo(1);
    assertThat(process.get("withOpenIncident").asLong()).isEqualTo(1);
    assertThat(process.get("successRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));

    assertThat(d.at("/incidents/open").asLong()).isEqualTo(1);
    assertThat(d.at("/incidents/latest/0/message").asText()).isEqualTo(INCIDENT);
    assertThat(d.at("/incidents/latest/0/processInstanceId").asText()).isEqualTo(corrected.getId());
    assertThat(d.at("/incidents/latest/0/processDefinitionKey").asText())
        .isEqualTo("customer-request");

    JsonNode reviews = only(d.get("reviews"), "taskType", "customer-intents");
    assertThat(reviews.get("model").asText()).isEqualTo("smart");
    assertThat(reviews.get("approved").asInt()).isEqualTo(1);
    assertThat(reviews.get("corrected").asInt()).isEqualTo(1);
    assertThat(reviews.get("rejected").asInt()).isEqualTo(1);
    assertThat(reviews.get("accuracy").asDouble()).isEqualTo(0.5);
    assertThat(reviews.get("agreement").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
  }

  @Test
  void should_show_the_cases_that_spent_most_against_the_budget_per_case() {
    JsonNode budget = only(dashboard("supervisor", "").get("budgets"), "scope", "case");

    assertThat(budget.get("setting").asText()).isEqualTo("baton.budgets.per-case");
    assertThat(budget.get("limit").decimalValue()).isEqualByComparingTo("0.05");
    assertThat(budget.at("/top/0/label").asText())
        .as("what a case spent before the window counts against its budget")
        .isEqualTo("DASH-4");
    assertThat(budget.at("/top/0/spent").decimalValue()).isEqualByComparingTo("5");
    assertThat(budget.at("/top/0/share").asDouble()).isEqualTo(100.0);
    assertThat(budget.at("/top/1/label").asText()).isEqualTo("DASH-3");
    assertThat(budget.at("/top/1/share").asDouble()).isCloseTo(1.4, within(1e-9));
  }

  @Test
  void should_show_what_a_process_has_spent_today_against_its_day_budget() {
    repository
        .createDeployment()
        .addModelInstance(
            "dashboard-budget.bpmn",
            Bpmn.createExecutableProcess("dashboard-budget")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("wait")
                .endEvent()
                .done())
        .deploy();
    String pid = runtime.startProcessInstanceByKey("dashboard-budget").getId();
    String callId = UUID.randomUUID().toString();
    // the ledger reserves a call's worst case and its record settles it with the actual cost
    budgets.reserve(new BudgetClaim(callId, "priced-test", pid, new BigDecimal("0.03")));
    budgets.settle(callId, new BigDecimal("0.02"));

    JsonNode today = only(dashboard("operator", "").get("budgets"), "scope", "process");

    assertThat(today.get("setting").asText()).isEqualTo("baton.budgets.per-process-per-day");
    assertThat(today.at("/top/0/label").asText()).isEqualTo("dashboard-budget");
    assertThat(today.at("/top/0/spent").decimalValue()).isEqualByComparingTo("0.02");
    assertThat(today.at("/top/0/share").asDouble()).isCloseTo(0.01, within(1e-9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "91", "-3", "seven", "7.5"})
  void should_refuse_a_window_it_does_not_know_and_say_why(String days) {
    ResponseEntity<String> response =
        http.withBasicAuth("operator", "operator")
            .getForEntity("/api/dashboard?days=" + days, String.class);

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    assertThat(response.getBody()).contains("days must be").contains("90");
  }

  @Test
  void should_ask_a_person_who_is_not_logged_in_to_log_in() {
    ResponseEntity<String> page = http.getForEntity("/dashboard", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(401);
    assertThat(page.getBody()).contains("Please log in").contains("/camunda/app/welcome/default/");
    assertThat(http.getForEntity("/api/dashboard", String.class).getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  void should_draw_the_dashboard_for_an_operator_logged_in_to_camunda() throws IOException {
    assumeTrue(browser != null, TasklistBrowser.NOT_INSTALLED);
    browser.forgetLogins();
    browser.open(base() + "/dashboard");
    browser.awaitText("Please log in");
    browser.type(By.name("username"), "operator");
    browser.type(By.name("password"), "wrong");
    browser.click(By.xpath("//button[normalize-space()='Log in']"));
    browser.awaitText("The user name or the password is wrong");

    browser.type(By.name("password"), "operator");
    browser.click(By.xpath("//button[normalize-space()='Log in']"));
    browser.awaitText("Open incidents");
    browser.awaitText("DASH-3");

    List<String> tiles = browser.texts(By.cssSelector(".tile"));
    assertThat(tiles)
        .anySatisfy(t -> assertThat(t).startsWith("0.11").containsIgnoringCase("model cost"));
    assertThat(tiles)
        .anySatisfy(t -> assertThat(t).startsWith("1\n").containsIgnoringCase("open incidents"));
    assertThat(browser.count(By.cssSelector("#cost-per-process svg rect"))).isEqualTo(1);
    assertThat(browser.count(By.cssSelector("#cost-per-case svg rect")))
        .as("the four cases")
        .isEqualTo(4);
    assertThat(browser.count(By.cssSelector("#budgets svg line.limit"))).isEqualTo(1);
    assertThat(browser.count(By.cssSelector("#budgets svg rect.over"))).isEqualTo(2);
    assertThat(browser.texts(By.cssSelector("#latency svg")))
        .anySatisfy(text -> assertThat(text).contains("priced-test p95").contains("190 ms"));
    assertThat(browser.texts(By.cssSelector("#processes svg")))
        .anySatisfy(
            text ->
                assertThat(text)
                    .contains("customer-request")
                    .contains("66.7%")
                    .contains("1 with incident"));
    assertThat(browser.texts(By.cssSelector("#reviews svg")))
        .anySatisfy(text -> assertThat(text).contains("accuracy 50%"));
    assertThat(browser.texts(By.cssSelector("#incidents td"))).contains(INCIDENT);
    browser.screenshot("dashboard.png");
  }

  @Test
  void should_open_for_a_person_logged_in_to_camunda_without_a_second_login() {
    assumeTrue(browser != null, TasklistBrowser.NOT_INSTALLED);
    browser.forgetLogins();
    browser.logInToWelcome(base(), "auditor");
    browser.open(base() + "/dashboard");
    browser.awaitText("Open incidents");
    browser.awaitText("DASH-3");
  }

  @Test
  void should_tell_a_reviewer_that_the_dashboard_is_not_for_them() {
    assumeTrue(browser != null, TasklistBrowser.NOT_INSTALLED);
    browser.forgetLogins();
    browser.logIn(base(), "reviewer");
    browser.open(base() + "/dashboard");
    browser.awaitText("Not for your groups");
    assertThat(browser.bodyText()).doesNotContain("DASH-");
  }

  private JsonNode dashboard(String user, String query) {
    ResponseEntity<String> response =
        http.withBasicAuth(user, user).getForEntity("/api/dashboard" + query, String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    try {
      return json.readTree(response.getBody());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.getBody(), e);
    }
  }

  private static JsonNode only(JsonNode list, String field, String value) {
    List<JsonNode> found =
        StreamSupport.stream(list.spliterator(), false)
            .filter(node -> value.equals(node.path(field).asText()))
            .toList();
    assertThat(found).as("entries with %s %s in %s", field, value, list).hasSize(1);
    return found.get(0);
  }

  private long callsOf(ProcessInstance pi) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM baton_model_call WHERE process_instance_id = ?",
        Long.class,
        pi.getId());
  }

  private ProcessInstance start(String businessKey) {
    return runtime.startProcessInstanceByKey(
        "customer-request",
        businessKey,
        Map.of(
            "message", COMPLAINT,
            "customerId", "C-" + businessKey,
            "customerEmail", businessKey.toLowerCase() + "@customers.example"));
  }

  private void call(ProcessInstance pi, Instant at, String outcome, String cost, long latency) {
    calls.record(
        new ModelCallRecord(
            UUID.randomUUID().toString(),
            at,
            PRICED,
            "openai",
            "gpt-test",
            "draft",
            null,
            null,
            100,
            50,
            new BigDecimal(cost),
            latency,
            outcome,
            "OK".equals(outcome) ? null : "test",
            "0".repeat(64),
            pi.getId(),
            "draft-reply",
            null,
            null,
            null));
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
