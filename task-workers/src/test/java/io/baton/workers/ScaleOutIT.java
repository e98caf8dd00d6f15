package io.baton.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.support.PostgresEngineIT;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scale out on real PostgreSQL: the engine and two worker JVMs share 200 instances of a tool step
 * whose target answers slowly. Every instance completes, every effect happens exactly once, and no
 * task ran a second attempt (which a lock expiring while the task still ran would cause).
 */
@PostgresEngineIT(properties = "baton.workers.enabled=false")
class ScaleOutIT {

  private static final int INSTANCES = 200;
  private static TestWebhook webhook;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void startSlowWebhook() throws IOException {
    webhook = TestWebhook.start(50, 400);
  }

  @AfterAll
  static void stopWebhook() {
    webhook.stop();
  }

  @Test
  void two_workers_complete_200_instances_each_exactly_once() throws Exception {
    repository
        .createDeployment()
        .addModelInstance("scale-test.bpmn", TestWebhook.notifyProcess("scale-test"))
        .deploy();
    List<Process> workers = new ArrayList<>();
    try {
      // the worker JVMs start while the instances are created: a JVM's start is the slow part
      for (int w = 1; w <= 2; w++) {
        workers.add(
            TestWorkers.startJvm(
                "scale-out-worker-" + w,
                TestWorkers.args(
                    port,
                    PostgresEngineIT.WORKER_PASSWORD,
                    "--baton.workers.worker-id=scale-worker-" + w,
                    // only the topic under test: a client per topic long-polls, and each one
                    // stops in turn when the worker shuts down
                    "--baton.workers.include=notify",
                    "--baton.workers.lock-duration=4s",
                    "--baton.workers.max-in-flight=40",
                    "--baton.workers.fetch-size=10",
                    // the test profile's backoff, which a standalone worker does not run with
                    "--baton.workers.retry-backoff=200ms",
                    "--baton.notify.webhook-url=" + webhook.url())));
      }
      for (int i = 0; i < INSTANCES; i++) {
        runtime.startProcessInstanceByKey(
            "scale-test", Map.of("message", "update " + i, "recipient", "C-" + i));
      }
      await()
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  runtime.createProcessInstanceQuery().processDefinitionKey("scale-test").count()
                      == 0);
    } finally {
      // both shut down at once, each in its own time
      workers.forEach(Process::destroy);
      for (Process worker : workers) {
        worker.waitFor(30, TimeUnit.SECONDS);
      }
    }

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
        history.createHistoricExternalTaskLogQuery().successLog().list().stream()
            .collect(
                Collectors.groupingBy(HistoricExternalTaskLog::getWorkerId, Collectors.counting()));
    assertThat(completedBy)
        .as("both workers did part of the work")
        .containsOnlyKeys("scale-worker-1", "scale-worker-2");
    assertThat(completedBy.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(INSTANCES);
  }
}
