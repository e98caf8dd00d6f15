package io.baton.workers;

import static io.baton.support.ProcessInstances.awaitEnded;
import static io.baton.support.ProcessInstances.historic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.baton.connectors.notify.NotifyFunction;
import jakarta.validation.Validator;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The effect ledger's lease against a real engine: while one attempt at a tool still acts, another
 * attempt at the same effect does not act but waits, at no cost in retries, and completes the task
 * with the recorded result once the first is done; a lease whose owner stopped renewing it (the
 * worker was killed) is taken over. Runs nested in {@link WorkersOverRestIT}, in its application.
 */
abstract class EffectLeaseChecks {

  private static final int RETRIES = 3;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired ExternalTaskService externalTasks;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired Validator validator;

  private final List<WorkerRuntime> started = new ArrayList<>();
  private TestWebhook webhook;

  @BeforeEach
  void deployAndStartWebhook() throws IOException {
    webhook = TestWebhook.start(0, 0);
    if (repository.createProcessDefinitionQuery().processDefinitionKey("lease-test").count() == 0) {
      repository
          .createDeployment()
          .addModelInstance("lease-test.bpmn", TestWebhook.notifyProcess("lease-test"))
          .deploy();
    }
  }

  @AfterEach
  void stop() {
    webhook.release();
    started.forEach(WorkerRuntime::stop);
    webhook.stop();
    // the next checks in this application run workers of their own: leave no task for them
    runtime
        .createProcessInstanceQuery()
        .processDefinitionKey("lease-test")
        .list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test isolation"));
  }

  @Test
  void a_second_attempt_waits_for_the_first_that_still_acts_and_completes_with_its_result() {
    webhook.hold();
    ProcessInstance pi = startInstance();
    start("first");
    await().atMost(Duration.ofSeconds(20)).until(() -> webhook.total() == 1);
    // the first worker loses the task while its tool still acts: the task is free for another
    externalTasks.unlock(task(pi).getId());

    start("second");

    // each refusal waits out the lease the first worker keeps renewing (2 s): two refusals span
    // more than one lease, so a lease that was not renewed would have been taken over
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> refusals(pi).size() >= 2 || webhook.total() > 1);
    assertThat(webhook.total()).as("the second attempt did not act").isEqualTo(1);
    assertThat(refusals(pi))
        .extracting(HistoricExternalTaskLog::getWorkerId)
        .containsOnly("second");
    assertThat(task(pi).getRetries()).as("waiting costs no retry").isEqualTo(RETRIES);

    webhook.release();

    awaitEnded(pi);
    String key = effectKey(pi);
    assertThat(webhook.total()).as("the notification was sent once").isEqualTo(1);
    assertThat(
            jdbc.queryForMap(
                "SELECT state, attempts FROM baton_effect WHERE idempotency_key = ?", key))
        .containsEntry("STATE", "DONE")
        .containsEntry("ATTEMPTS", 1);
    // whichever worker fetched the task next completed it, without acting
    assertThat(historic(pi, "notificationKey"))
        .as("completed with the first attempt's recorded result")
        .isEqualTo(key);
  }

  @Test
  void an_attempt_takes_over_a_lease_its_owner_stopped_renewing() {
    ProcessInstance pi = startInstance();
    ExternalTask task = task(pi);
    String key = pi.getId() + ":" + task.getActivityInstanceId();
    Instant now = Instant.now();
    // a worker started the effect and was killed: its lease runs for 4 s more and is not renewed
    jdbc.update(
        "INSERT INTO baton_effect (idempotency_key, topic, process_instance_id, state, attempts,"
            + " started_at, lease_owner, lease_expires_at)"
            + " VALUES (?, 'baton.notify', ?, 'STARTED', 1, ?, 'killed-worker:task:1', ?)",
        key,
        pi.getId(),
        Timestamp.from(now),
        Timestamp.from(now.plusSeconds(4)));

    start("survivor");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !refusals(pi).isEmpty() || webhook.total() > 0);
    assertThat(webhook.total()).as("no attempt acts while the lease runs").isZero();
    awaitEnded(pi);
    assertThat(webhook.deliveries().get(key)).hasValue(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT attempts FROM baton_effect WHERE idempotency_key = ?", Integer.class, key))
        .as("the survivor's attempt was the second")
        .isEqualTo(2);
  }

  @Test
  void the_ledger_api_lets_only_the_lease_owner_renew_and_record() {
    EffectLedgerClient ledger =
        new EffectLedgerClient(new EngineClient(baseUrl(), "worker", "worker-dev-only"));
    String key = "api-test:" + UUID.randomUUID();
    Duration lease = Duration.ofMinutes(1);

    ExternalTask task = task(startInstance()); // no worker runs here: the task waits
    String pi = task.getProcessInstanceId();
    String digest = "0".repeat(64);
    EffectLedgerClient.Recorded first =
        ledger.start(key, "baton.notify", pi, "a:1", lease, task.getId(), digest);
    EffectLedgerClient.Recorded second =
        ledger.start(key, "baton.notify", pi, "b:1", lease, task.getId(), digest);

    assertThat(first.heldBy("a:1")).isTrue();
    assertThat(second.heldBy("b:1")).isFalse();
    assertThat(second.leaseOwner()).isEqualTo("a:1");
    assertThat(second.leaseMillisLeft()).isBetween(30_000L, 60_000L);
    assertThatThrownBy(() -> ledger.renew(key, "b:1", lease))
        .isInstanceOf(EffectLedgerClient.LeaseLost.class);
    assertThatThrownBy(() -> ledger.finish(key, "b:1", "{}"))
        .isInstanceOf(EffectLedgerClient.LeaseLost.class);
    assertThat(ledger.renew(key, "a:1", lease).heldBy("a:1")).isTrue();
    assertThat(ledger.finish(key, "a:1", "{\"sent\":true}").done()).isTrue();
    assertThat(ledger.start(key, "baton.notify", pi, "c:1", lease, task.getId(), digest).result())
        .isEqualTo("{\"sent\":true}");
  }

  private void start(String workerId) {
    TopicSettings settings =
        new TopicSettings(
            Duration.ofSeconds(2), 1, 1, RETRIES, Duration.ofMillis(100), Duration.ofMinutes(2));
    WorkerRuntime worker =
        new WorkerRuntime(
            WorkerRuntimeChecks.properties(baseUrl(), workerId, settings),
            List.of(new NotifyFunction(webhook.url())),
            new VariableBinding(validator));
    started.add(worker);
    worker.start(baseUrl());
  }

  private String baseUrl() {
    return TestWorkers.engineRest(port);
  }

  private ProcessInstance startInstance() {
    return runtime.startProcessInstanceByKey(
        "lease-test", Map.of("message", "Your refund is on its way", "recipient", "C-1"));
  }

  private ExternalTask task(ProcessInstance pi) {
    return externalTasks.createExternalTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private String effectKey(ProcessInstance pi) {
    return jdbc.queryForObject(
        "SELECT idempotency_key FROM baton_effect WHERE process_instance_id = ?",
        String.class,
        pi.getId());
  }

  /** Failures reported because another attempt held the effect. */
  private List<HistoricExternalTaskLog> refusals(ProcessInstance pi) {
    return history
        .createHistoricExternalTaskLogQuery()
        .processInstanceId(pi.getId())
        .failureLog()
        .list()
        .stream()
        .filter(
            log ->
                log.getErrorMessage() != null
                    && log.getErrorMessage().contains("is being attempted by"))
        .toList();
  }
}
