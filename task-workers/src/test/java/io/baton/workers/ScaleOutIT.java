package io.baton.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.models.simulator.Match;
import io.baton.models.simulator.OpenAiSimulator;
import io.baton.support.PostgresEngineIT;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scale out on real PostgreSQL: two worker JVMs, which meet only in the engine.
 *
 * <ul>
 *   <li>They share 200 instances of a tool step whose target answers slowly: every instance
 *       completes, every effect happens exactly once, and no task ran a second attempt (which a
 *       lock expiring while the task still ran would cause).
 *   <li>Budgets hold before the call: one case classifies the same text four times in parallel
 *       under a case budget that allows two calls, and four cases of one process classify once each
 *       under a day's budget for the process that allows two. Exactly two calls of each are made,
 *       the others end in BPMN error BUDGET_EXCEEDED, and nothing is spent above a budget.
 *   <li>A model's rate limit is shared: 200 cases of mixed priority call a model limited to 30
 *       requests per window (4 seconds here instead of a minute, to keep the test short). No window
 *       has more than 30, high-priority cases finish first, and none is lost or failed.
 * </ul>
 */
@PostgresEngineIT(
    properties = {
      "baton.workers.enabled=false",
      "baton.budgets.per-case=" + ScaleOutIT.CASE_BUDGET,
      "baton.budgets.per-process-per-day.budget-race-day=" + ScaleOutIT.CASE_BUDGET,
      "baton.rate-limits.window=" + ScaleOutIT.WINDOW_SECONDS + "s"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {

  /**
   * A call's worst case is 50 answer tokens at 0.001 (0.05) plus its prompt's bytes at 0.00000001
   * (well under 0.001); it costs 50 answer tokens too (the answer below is 200 characters, which
   * the simulator counts as 50 tokens). Two worst cases fit 0.125; two calls spent and a third's
   * worst case do not.
   */
  static final String CASE_BUDGET = "0.125";

  static final int WINDOW_SECONDS = 4;
  private static final int PER_WINDOW = 30;

  private static final int INSTANCES = 200;
  private static final OpenAiSimulator SIMULATOR = new OpenAiSimulator().start();
  private TestWebhook webhook;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  private final List<Process> workers = new ArrayList<>();

  @BeforeAll
  void startTwoWorkerJvms() throws Exception {
    webhook = TestWebhook.start(50, 400);
    for (int w = 1; w <= 2; w++) {
      workers.add(
          TestWorkers.startJvm(
              "scale-out-worker-" + w,
              TestWorkers.args(
                  port,
                  PostgresEngineIT.WORKER_PASSWORD,
                  "--baton.workers.worker-id=scale-worker-" + w,
                  // only the topics under test: a client per topic long-polls, and each one
                  // stops in turn when the worker shuts down
                  "--baton.workers.include=notify,classify",
                  // the test profile's backoff, which a standalone worker does not run with
                  "--baton.workers.retry-backoff=200ms",
                  "--baton.workers.topics.notify.lock-duration=4s",
                  "--baton.workers.topics.notify.max-in-flight=40",
                  "--baton.workers.topics.notify.fetch-size=10",
                  "--baton.notify.webhook-url=" + webhook.url(),
                  "--baton.workers.topics.classify.fetch-size=4",
                  "--baton.workers.topics.classify.max-in-flight=8",
                  "--baton.models.priced.provider=openai",
                  "--baton.models.priced.model-name=sim-large",
                  "--baton.models.priced.endpoint=" + SIMULATOR.baseUrl(),
                  "--baton.models.priced.max-tokens=50",
                  "--baton.models.priced.price-per-input-token=0.00000001",
                  "--baton.models.priced.price-per-output-token=0.001",
                  "--baton.models.limited.provider=openai",
                  "--baton.models.limited.model-name=sim-small",
                  "--baton.models.limited.endpoint=" + SIMULATOR.baseUrl(),
                  "--baton.models.limited.requests-per-minute=" + PER_WINDOW)));
    }
  }

  @AfterAll
  void stop() throws InterruptedException {
    // both shut down at once, each in its own time
    workers.forEach(Process::destroy);
    for (Process worker : workers) {
      worker.waitFor(30, TimeUnit.SECONDS);
    }
    SIMULATOR.close();
    webhook.stop();
  }

  @Test
  void two_workers_complete_200_instances_each_exactly_once() {
    repository
        .createDeployment()
        .addModelInstance("scale-test.bpmn", TestWebhook.notifyProcess("scale-test"))
        .deploy();
    for (int i = 0; i < INSTANCES; i++) {
      runtime.startProcessInstanceByKey(
          "scale-test", Map.of("message", "update " + i, "recipient", "C-" + i));
    }

    awaitEnded("scale-test");

    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("scale-test")
                .completed()
                .count())
        .as("none lost")
        .isEqualTo(INSTANCES);
    assertThat(webhook.deliveries()).as("one key per instance").hasSize(INSTANCES);
    assertThat(webhook.deliveries().values())
        .as("each effect once")
        .allMatch(count -> count.get() == 1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM baton_effect WHERE attempts > 1", Integer.class))
        .as("no task was attempted twice: no lock ran out while its task still ran")
        .isZero();
    assertThat(runtime.createIncidentQuery().count()).isZero();
    Map<String, Long> completedBy =
        history
            .createHistoricExternalTaskLogQuery()
            .successLog()
            .processDefinitionKey("scale-test")
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(HistoricExternalTaskLog::getWorkerId, Collectors.counting()));
    assertThat(completedBy)
        .as("both workers did part of the work")
        .containsOnlyKeys("scale-worker-1", "scale-worker-2");
    assertThat(completedBy.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(INSTANCES);
  }

  @Test
  void two_workers_racing_cannot_spend_past_a_budget() throws Exception {
    // slow enough that the four calls of a round are all asked for while the first are running
    SIMULATOR
        .when(Match.anyRequest())
        .forModel("sim-large")
        .after(Duration.ofMillis(1500))
        .replyJson(answerOf(200));
    repository
        .createDeployment()
        .addModelInstance("budget-race-case.bpmn", fourParallelClassifications())
        .addModelInstance("budget-race-day.bpmn", oneClassification())
        .deploy();
    String oneCase =
        runtime
            .startProcessInstanceByKey("budget-race-case", Map.of("text", "Where is my parcel?"))
            .getId();
    List<String> dayCases = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      dayCases.add(
          runtime
              .startProcessInstanceByKey(
                  "budget-race-day", Map.of("text", "Where is parcel " + i + "?"))
              .getId());
    }

    awaitEnded("budget-race-case", "budget-race-day");

    assertThat(outcomes(List.of(oneCase)))
        .as("one case, four parallel calls, a budget for two")
        .containsEntry("OK", 2L)
        .containsEntry("BUDGET_EXCEEDED", 2L)
        .hasSize(2);
    assertThat(outcomes(dayCases))
        .as("four cases of one process, a day's budget for two")
        .containsEntry("OK", 2L)
        .containsEntry("BUDGET_EXCEEDED", 2L)
        .hasSize(2);
    assertThat(SIMULATOR.requestsFor("sim-large")).as("the model was asked four times").hasSize(4);
    assertThat(spent(List.of(oneCase))).isLessThanOrEqualTo(new BigDecimal(CASE_BUDGET));
    assertThat(spent(dayCases)).isLessThanOrEqualTo(new BigDecimal(CASE_BUDGET));
    assertThat(account("CASE", oneCase))
        .as("the case's account holds what it spent, and nothing stays reserved")
        .containsExactly(spent(List.of(oneCase)), BigDecimal.ZERO);
    assertThat(account("PROCESS_DAY", "budget-race-day"))
        .as("the process's account for the day, the same")
        .containsExactly(spent(dayCases), BigDecimal.ZERO);
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceIds(new java.util.HashSet<>(dayCases))
                .completed()
                .count())
        .as("every case ended on a path its diagram draws")
        .isEqualTo(4);
  }

  @Test
  void a_rate_limit_shared_by_two_workers_serves_high_priority_cases_first() {
    SIMULATOR
        .when(Match.anyRequest())
        .forModel("sim-small")
        .after(Duration.ofMillis(100))
        .replyJson("{\"label\":\"ORDER_STATUS\",\"confidence\":0.9,\"rationale\":\"r\"}");
    repository
        .createDeployment()
        .addModelInstance("rate-high.bpmn", limitedClassification("rate-high", 100))
        .addModelInstance("rate-low.bpmn", limitedClassification("rate-low", 0))
        .deploy();
    // the low-priority cases come first, so order of arrival cannot explain the result
    for (int i = 0; i < 150; i++) {
      runtime.startProcessInstanceByKey("rate-low", Map.of("text", "Where is parcel " + i + "?"));
    }
    for (int i = 0; i < 50; i++) {
      runtime.startProcessInstanceByKey("rate-high", Map.of("text", "Where is order " + i + "?"));
    }
    // all wait for one signal, so all their tasks appear at once
    runtime.signalEventReceived("rate-go");

    awaitEnded("rate-high", "rate-low");

    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn("rate-high", "rate-low")
                .completed()
                .count())
        .as("none lost")
        .isEqualTo(200);
    assertThat(runtime.createIncidentQuery().count()).as("none failed").isZero();
    assertThat(SIMULATOR.requestsFor("sim-small")).as("each asked once").hasSize(200);
    List<Integer> perWindow =
        jdbc.queryForList(
            "SELECT requests FROM baton_rate_window WHERE model = 'limited'", Integer.class);
    assertThat(perWindow)
        .as("no window of the limit had more than %d requests, from both workers", PER_WINDOW)
        .allMatch(count -> count <= PER_WINDOW);
    assertThat(perWindow.stream().mapToInt(Integer::intValue).sum())
        .as("every request was counted")
        .isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ACT_HI_EXT_TASK_LOG WHERE ERROR_MSG_ LIKE '%in this window%'",
                Integer.class))
        .as("the limit bound: cases waited for a window (else priority was never put to the test)")
        .isPositive();
    assertThat(
            jdbc.queryForList(
                "SELECT DISTINCT WORKER_ID_ FROM ACT_HI_EXT_TASK_LOG WHERE WORKER_ID_ IS NOT NULL",
                String.class))
        .as("both worker JVMs took tasks")
        .contains("scale-worker-1", "scale-worker-2");
    List<Instant> high = endTimes("rate-high");
    List<Instant> low = endTimes("rate-low");
    assertThat(high.get(high.size() - 1))
        .as("the last high-priority case ended before most low-priority ones")
        .isBefore(low.get(low.size() / 4));
  }

  private List<Instant> endTimes(String processKey) {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .list()
        .stream()
        .map(instance -> instance.getEndTime().toInstant())
        .sorted()
        .toList();
  }

  /** Waits for the cases to end, running their asynchronous continuations (tests run jobs). */
  private void awaitEnded(String... processKeys) {
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              management.createJobQuery().executable().list().stream()
                  .map(Job::getId)
                  .forEach(management::executeJob);
              return runtime
                      .createProcessInstanceQuery()
                      .processDefinitionKeyIn(processKeys)
                      .count()
                  == 0;
            });
  }

  private static BpmnModelInstance limitedClassification(String key, int priority) {
    return Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent()
        .signal("rate-go")
        .serviceTask()
        .camundaExternalTask("baton.classify")
        .camundaTaskPriority(String.valueOf(priority))
        .camundaInputParameter("model", "limited")
        .camundaInputParameter("labelSet", "customer-intents")
        .endEvent()
        .done();
  }

  private List<BigDecimal> account(String scope, String subject) {
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT spent, reserved FROM baton_budget_account WHERE scope = ? AND subject = ?",
            scope,
            subject);
    return List.of(
        ((BigDecimal) row.get("spent")).stripTrailingZeros(),
        ((BigDecimal) row.get("reserved")).stripTrailingZeros());
  }

  private Map<String, Long> outcomes(List<String> cases) {
    return cases.stream()
        .flatMap(
            id ->
                jdbc
                    .queryForList(
                        "SELECT outcome FROM baton_model_call WHERE process_instance_id = ?",
                        String.class,
                        id)
                    .stream())
        .collect(Collectors.groupingBy(outcome -> outcome, Collectors.counting()));
  }

  private BigDecimal spent(List<String> cases) {
    return cases.stream()
        .map(
            id ->
                jdbc.queryForObject(
                    "SELECT COALESCE(SUM(cost), 0) FROM baton_model_call"
                        + " WHERE process_instance_id = ?",
                    BigDecimal.class,
                    id))
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .stripTrailingZeros();
  }

  /** A classification answer of exactly {@code length} characters. */
  private static String answerOf(int length) {
    String start = "{\"label\":\"ORDER_STATUS\",\"confidence\":0.9,\"rationale\":\"";
    String end = "\"}";
    return start + "x".repeat(length - start.length() - end.length()) + end;
  }

  private static BpmnModelInstance fourParallelClassifications() {
    SubProcessBuilder each =
        Bpmn.createExecutableProcess("budget-race-case")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .subProcess("each")
            .multiInstance()
            .parallel()
            .cardinality("4")
            .multiInstanceDone();
    // the results stay in each branch: four branches writing the case's variables would collide
    for (String output :
        List.of(
            "intent",
            "confidence",
            "risk",
            "rationale",
            "nearestExamples",
            "aiModel",
            "taskType")) {
      each = each.camundaInputParameter(output, "");
    }
    return classification(each.embeddedSubProcess().startEvent())
        .subProcessDone()
        .endEvent()
        .done();
  }

  private static BpmnModelInstance oneClassification() {
    return classification(
            Bpmn.createExecutableProcess("budget-race-day")
                .camundaHistoryTimeToLive(1)
                .startEvent())
        .done();
  }

  /**
   * A priced classification whose budget refusal ends its path; the path goes on in a job of its
   * own, so parallel branches of one case do not complete into each other.
   */
  private static <B extends org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder<?, ?>>
      org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder<?, ?> classification(B from) {
    ServiceTaskBuilder classify =
        from.serviceTask()
            .camundaExternalTask("baton.classify")
            .camundaAsyncAfter()
            .camundaInputParameter("model", "priced")
            .camundaInputParameter("labelSet", "customer-intents");
    String id = classify.getElement().getId();
    return classify
        .boundaryEvent()
        .error("BUDGET_EXCEEDED")
        .endEvent()
        .camundaAsyncBefore()
        .moveToActivity(id)
        .endEvent();
  }
}
