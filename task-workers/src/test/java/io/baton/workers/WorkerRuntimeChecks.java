package io.baton.workers;

import static io.baton.support.ProcessInstances.historic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.RetryLaterException;
import io.baton.connectors.TaskContext;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The worker runtime against a real engine over its authenticated REST API, with a test connector
 * whose behaviour each process instance chooses: how long it works and how it ends. Runs nested in
 * {@link WorkersOverRestIT}, in its application.
 */
abstract class WorkerRuntimeChecks {

  private static final String TOPIC = "test.work";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired ExternalTaskService externalTasks;
  @Autowired HistoryService history;
  @Autowired Validator validator;

  private final TestConnector connector = new TestConnector();
  private final List<WorkerRuntime> started = new ArrayList<>();

  @BeforeEach
  void deployTestProcess() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("runtime-test").count()
        == 0) {
      repository
          .createDeployment()
          .addModelInstance(
              "runtime-test.bpmn",
              Bpmn.createExecutableProcess("runtime-test")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .serviceTask("work")
                  .camundaExternalTask(TOPIC)
                  .boundaryEvent("business-error")
                  .error("TEST_OUTCOME")
                  .endEvent("outcome-handled")
                  .moveToActivity("work")
                  .endEvent("done")
                  .done())
          .deploy();
    }
  }

  @AfterEach
  void stopRuntimesAndRemoveInstances() {
    started.forEach(WorkerRuntime::stop);
    runtime
        .createProcessInstanceQuery()
        .processDefinitionKey("runtime-test")
        .list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test isolation"));
  }

  @Test
  void should_run_many_tasks_at_once_without_blocking_the_fetch_loop() {
    List<ProcessInstance> instances = start(20, "ok", 1500);

    start(runtime(settings(20, 5, 60_000, 3)));

    awaitAllEnded(instances);
    assertThat(connector.peak.get())
        .as("more tasks ran at once than one fetch brings")
        .isGreaterThan(5)
        .isLessThanOrEqualTo(20);
  }

  @Test
  void should_never_lock_more_tasks_than_it_has_room_for() {
    List<ProcessInstance> instances = start(12, "ok", 400);
    String[] ids = instances.stream().map(ProcessInstance::getId).toArray(String[]::new);
    AtomicInteger mostLocked = new AtomicInteger();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                long locked =
                    externalTasks
                        .createExternalTaskQuery()
                        .processInstanceIdIn(ids)
                        .locked()
                        .count();
                mostLocked.accumulateAndGet((int) locked, Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.start();

    start(runtime(settings(4, 2, 60_000, 3)));
    awaitAllEnded(instances);
    sampler.interrupt();

    assertThat(connector.peak.get()).isLessThanOrEqualTo(4);
    assertThat(mostLocked.get()).isBetween(1, 4);
  }

  @Test
  void should_keep_the_lock_of_a_task_that_runs_longer_than_its_lock() {
    List<ProcessInstance> instances = start(1, "ok", 3500);

    start(runtime(settings(5, 1, 1_000, 3)));
    awaitAllEnded(instances);

    assertThat(connector.calls.get())
        .as("the lock never ran out, so the task was never fetched a second time")
        .isEqualTo(1);
  }

  @Test
  void should_hand_running_tasks_back_when_stopping_and_lose_nothing() {
    List<ProcessInstance> instances = start(3, "ok", 30_000);
    WorkerRuntime first = runtime(settings(5, 5, 60_000, 3));
    first.start(baseUrl());
    await().atMost(Duration.ofSeconds(20)).until(() -> connector.running.get() == 3);

    first.stop();

    String[] ids = instances.stream().map(ProcessInstance::getId).toArray(String[]::new);
    assertThat(externalTasks.createExternalTaskQuery().processInstanceIdIn(ids).locked().count())
        .as("all handed back")
        .isZero();
    assertThat(externalTasks.createExternalTaskQuery().processInstanceIdIn(ids).count())
        .isEqualTo(3);
    assertThat(externalTasks.createExternalTaskQuery().processInstanceIdIn(ids).list())
        .as("handing back costs no retry")
        .allMatch(task -> task.getRetries() == null);
    connector.hurry = true;
    start(runtime(settings(5, 5, 60_000, 3)));
    awaitAllEnded(instances);
  }

  @Test
  void should_count_retries_down_and_raise_a_readable_incident() {
    ProcessInstance pi = start(1, "fail", 0).get(0);

    start(runtime(settings(5, 1, 60_000, 3)));

    await().atMost(Duration.ofSeconds(30)).until(() -> incident(pi) != null);
    assertThat(connector.calls.get()).as("three attempts, then an incident").isEqualTo(3);
    assertThat(incident(pi).getIncidentMessage()).isEqualTo("test.work failed: the tool is down");
  }

  @Test
  void should_raise_an_incident_at_once_for_a_failure_that_would_repeat() {
    ProcessInstance pi = start(1, "misconfigured", 0).get(0);

    start(runtime(settings(5, 1, 60_000, 3)));

    await().atMost(Duration.ofSeconds(30)).until(() -> incident(pi) != null);
    assertThat(connector.calls.get()).as("no retry: it would fail the same way").isEqualTo(1);
    assertThat(incident(pi).getIncidentMessage())
        .isEqualTo("test.work failed: no model named 'gpt-9'");
  }

  @Test
  void should_wait_as_long_as_the_source_asks_before_retrying() {
    ProcessInstance pi = start(1, "retry-later", 0).get(0);

    start(runtime(settings(5, 1, 60_000, 3)));

    await().atMost(Duration.ofSeconds(20)).until(() -> task(pi).getRetries() != null);
    ExternalTask task = task(pi);
    assertThat(task.getRetries()).isEqualTo(2);
    assertThat(task.getLockExpirationTime().getTime() - System.currentTimeMillis())
        .as("next attempt no sooner than Retry-After (60 s)")
        .isGreaterThan(50_000);
  }

  @Test
  void should_end_a_poison_input_in_an_incident_without_calling_the_connector() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "runtime-test", Map.of("name", " ", "mode", "ok", "millis", 0));

    start(runtime(settings(5, 1, 60_000, 3)));

    await().atMost(Duration.ofSeconds(20)).until(() -> incident(pi) != null);
    assertThat(incident(pi).getIncidentMessage()).contains("'name' must not be blank");
    assertThat(connector.calls.get()).isZero();
  }

  @Test
  void should_raise_a_business_outcome_as_a_bpmn_error_the_diagram_catches() {
    ProcessInstance pi = start(1, "bpmn", 0).get(0);

    start(runtime(settings(5, 1, 60_000, 3)));

    awaitAllEnded(List.of(pi));
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId("outcome-handled")
                .count())
        .isEqualTo(1);
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName("outcomeStatus")
                .singleResult()
                .getValue())
        .as("the boundary event sees the error's variables")
        .isEqualTo(409);
  }

  @Test
  void should_end_a_bpmn_error_the_diagram_does_not_catch_in_an_incident_that_names_it() {
    ProcessInstance pi = start(1, "uncaught", 0).get(0);

    start(runtime(settings(5, 1, 60_000, 3)));

    await().atMost(Duration.ofSeconds(20)).until(() -> incident(pi) != null);
    assertThat(incident(pi).getIncidentMessage())
        .isEqualTo(
            "test.work raised BPMN error NOT_DRAWN, which nothing in the diagram catches:"
                + " nobody catches this");
    assertThat(connector.calls.get()).as("not fetched again and again").isEqualTo(1);
  }

  @Test
  void should_fail_a_task_that_runs_past_its_timeout_and_say_so_in_the_incident() {
    ProcessInstance pi = start(1, "ok", 5_000).get(0);

    start(
        runtime(
            new TopicSettings(
                Duration.ofSeconds(60), 5, 1, 3, Duration.ofMillis(100), Duration.ofMillis(500))));

    await().atMost(Duration.ofSeconds(30)).until(() -> incident(pi) != null);
    assertThat(incident(pi).getIncidentMessage())
        .startsWith("test.work failed: timed out after 500 ms");
    assertThat(
            history
                .createHistoricExternalTaskLogQuery()
                .processInstanceId(pi.getId())
                .failureLog()
                .list())
        .as("three attempts, each a failure that says it timed out")
        .hasSize(3)
        .extracting(HistoricExternalTaskLog::getErrorMessage)
        .allMatch(message -> message.startsWith("test.work failed: timed out after 500 ms"));
    assertThat(connector.calls.get()).isEqualTo(3);
  }

  @Test
  void should_not_report_the_late_outcome_of_a_task_whose_lock_ran_out() {
    ProcessInstance pi = start(1, "ok", 5_000).get(0);
    start(runtime(settings(1, 1, 2_000, 3)));
    await().atMost(Duration.ofSeconds(20)).until(() -> connector.running.get() == 1);
    connector.hurry = true; // for the next attempt; the first one sleeps on

    ExternalTask task = task(pi);
    // the first attempt's lock runs out while it still works (as if it were not extended): the
    // worker can no longer extend it, and the task is free for the next fetch
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(OptimisticLockingException.class)
        .until(
            () -> {
              externalTasks.extendLock(task.getId(), task.getWorkerId(), 1);
              return true;
            });

    awaitAllEnded(List.of(pi));
    assertThat(connector.calls.get()).as("the task was fetched again").isEqualTo(2);
    assertThat(historic(pi, "call"))
        .as("the engine got the second attempt's outcome, not the first one's late outcome")
        .isEqualTo(2);
    assertThat(
            history
                .createHistoricExternalTaskLogQuery()
                .processInstanceId(pi.getId())
                .successLog()
                .count())
        .isEqualTo(1);
  }

  @Test
  void should_back_off_when_fetching_fails() throws Exception {
    List<Long> fetches = new CopyOnWriteArrayList<>();
    HttpServer wrongPassword = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
    wrongPassword.createContext(
        "/",
        exchange -> {
          if (exchange.getRequestURI().getPath().endsWith("/fetchAndLock")) {
            fetches.add(System.nanoTime());
          }
          exchange.sendResponseHeaders(401, -1);
          exchange.close();
        });
    wrongPassword.start();
    try {
      WorkerRuntime worker = runtime(settings(5, 1, 60_000, 3));
      started.add(worker);
      worker.start("http://127.0.0.1:" + wrongPassword.getAddress().getPort() + "/engine-rest");

      await().atMost(Duration.ofSeconds(20)).until(() -> fetches.size() >= 3);

      // without back-off the fetch loop asks again at once (thousands of requests a second); with
      // it, it waits 0.5 s after the first failure and twice as long after each further one
      assertThat(Duration.ofNanos(fetches.get(1) - fetches.get(0)))
          .as("wait after the first failed fetch")
          .isGreaterThanOrEqualTo(Duration.ofMillis(450));
      assertThat(Duration.ofNanos(fetches.get(2) - fetches.get(1)))
          .as("wait after the second failed fetch, twice the first")
          .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    } finally {
      wrongPassword.stop(0);
    }
  }

  private WorkerRuntime runtime(TopicSettings settings) {
    return new WorkerRuntime(
        properties(baseUrl(), null, settings), List.of(connector), new VariableBinding(validator));
  }

  /** A worker of the test profile's service account; a null worker id makes a unique one. */
  static WorkerProperties properties(String baseUrl, String workerId, TopicSettings settings) {
    return new WorkerProperties(
        true,
        baseUrl,
        "worker",
        "worker-dev-only",
        workerId,
        settings.lockDuration(),
        settings.maxInFlight(),
        settings.fetchSize(),
        32,
        Duration.ofSeconds(1),
        settings.retries(),
        settings.retryBackoff(),
        Duration.ofMillis(500),
        settings.timeout(),
        Map.of(),
        List.of(),
        List.of());
  }

  private static TopicSettings settings(
      int maxInFlight, int fetchSize, long lockMillis, int retries) {
    return new TopicSettings(
        Duration.ofMillis(lockMillis),
        maxInFlight,
        fetchSize,
        retries,
        Duration.ofMillis(100),
        Duration.ofMinutes(2));
  }

  private void start(WorkerRuntime worker) {
    started.add(worker);
    worker.start(baseUrl());
  }

  private String baseUrl() {
    return TestWorkers.engineRest(port);
  }

  private List<ProcessInstance> start(int count, String mode, long millis) {
    List<ProcessInstance> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      instances.add(
          runtime.startProcessInstanceByKey(
              "runtime-test", Map.of("name", "case-" + i, "mode", mode, "millis", millis)));
    }
    return instances;
  }

  private void awaitAllEnded(List<ProcessInstance> instances) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                instances.stream()
                    .allMatch(
                        pi ->
                            runtime
                                    .createProcessInstanceQuery()
                                    .processInstanceId(pi.getId())
                                    .count()
                                == 0));
  }

  private Incident incident(ProcessInstance pi) {
    return runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
  }

  private ExternalTask task(ProcessInstance pi) {
    return externalTasks.createExternalTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  /** A connector that works as long as the instance says and ends as it says. */
  static final class TestConnector
      implements ConnectorFunction<TestConnector.Input, TestConnector.Output> {

    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    volatile boolean hurry;

    record Input(@NotBlank String name, @NotBlank String mode, long millis) {}

    /**
     * @param call which call of this connector it was, so a test can tell attempts apart
     */
    record Output(String greeting, int call) {}

    @Override
    public String topic() {
      return TOPIC;
    }

    @Override
    public Class<Input> inputType() {
      return Input.class;
    }

    @Override
    public Output apply(Input input, TaskContext context) {
      int call = calls.incrementAndGet();
      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(hurry ? 0 : input.millis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted");
      } finally {
        running.decrementAndGet();
      }
      return switch (input.mode()) {
        case "fail" -> throw new IllegalStateException("the tool is down");
        case "misconfigured" -> throw new IllegalArgumentException("no model named 'gpt-9'");
        case "retry-later" -> throw new RetryLaterException("rate limited", Duration.ofSeconds(60));
        case "bpmn" ->
            throw new ConnectorBpmnError(
                "TEST_OUTCOME", "the model is unsure", Map.of("outcomeStatus", 409));
        case "uncaught" -> throw new ConnectorBpmnError("NOT_DRAWN", "nobody catches this");
        default -> new Output("hello " + input.name(), call);
      };
    }
  }
}
