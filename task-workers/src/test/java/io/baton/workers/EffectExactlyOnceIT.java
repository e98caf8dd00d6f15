package io.baton.workers;

import static io.baton.support.ProcessInstances.awaitEnded;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.support.PostgresEngineIT;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Side effects exactly once, with a real kill: a worker JVM sends a notification, records the
 * effect in the ledger (PostgreSQL), and is killed with SIGKILL while its {@code complete} call is
 * held up. After the lock runs out, another worker takes the task, finds the effect in the ledger,
 * and completes it without sending again.
 */
@PostgresEngineIT(properties = "baton.workers.enabled=false")
class EffectExactlyOnceIT {

  private static final CountDownLatch completeReached = new CountDownLatch(1);
  private static final CountDownLatch releaseComplete = new CountDownLatch(1);
  private static final AtomicBoolean holdNextComplete = new AtomicBoolean(true);
  private static TestWebhook webhook;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void startWebhook() throws IOException {
    webhook = TestWebhook.start(0, 0);
  }

  @AfterAll
  static void stopWebhook() {
    webhook.stop();
  }

  @Test
  void a_worker_killed_after_the_effect_does_not_make_it_happen_twice() throws Exception {
    repository
        .createDeployment()
        .addModelInstance("notify-test.bpmn", TestWebhook.notifyProcess("notify-test"))
        .deploy();
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "notify-test", Map.of("message", "Your refund is on its way", "recipient", "C-1"));

    Process worker = TestWorkers.startJvm("effect-exactly-once-worker", workerArgs());
    try {
      assertThat(completeReached.await(90, TimeUnit.SECONDS))
          .as("the worker acted and tries to complete")
          .isTrue();
      assertThat(totalDeliveries()).isEqualTo(1);
      assertThat(ledgerState(pi)).isEqualTo("DONE");
    } finally {
      worker.destroyForcibly(); // SIGKILL: no shutdown hook, no hand-back
      worker.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(worker.isAlive()).isFalse();
    releaseComplete.countDown();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .as("the held complete never reached the engine")
        .isEqualTo(1);

    try (ConfigurableApplicationContext second = WorkerApplication.start(workerArgs())) {
      awaitEnded(pi);
    }

    assertThat(totalDeliveries()).as("the notification was sent once").isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT attempts FROM baton_effect WHERE process_instance_id = ?",
                Integer.class,
                pi.getId()))
        .isEqualTo(1);
  }

  private String[] workerArgs() {
    return TestWorkers.args(
        port,
        PostgresEngineIT.WORKER_PASSWORD,
        // only the topic under test: a client per topic long-polls, and each one stops in turn
        // when the worker shuts down
        "--baton.workers.include=notify",
        "--baton.workers.lock-duration=3s",
        "--baton.notify.webhook-url=" + webhook.url());
  }

  private int totalDeliveries() {
    return webhook.total();
  }

  private String ledgerState(ProcessInstance pi) {
    return jdbc.queryForObject(
        "SELECT state FROM baton_effect WHERE process_instance_id = ?", String.class, pi.getId());
  }

  /**
   * Holds the first task completion until the worker that sent it has been killed, then drops it.
   */
  @TestConfiguration
  static class HoldFirstCompletion {

    @Bean
    FilterRegistrationBean<Filter> holdFirstCompletion() {
      FilterRegistrationBean<Filter> registration =
          new FilterRegistrationBean<>(
              (request, response, chain) -> {
                HttpServletRequest http = (HttpServletRequest) request;
                if ("POST".equals(http.getMethod())
                    && http.getRequestURI().endsWith("/complete")
                    && holdNextComplete.compareAndSet(true, false)) {
                  completeReached.countDown();
                  try {
                    releaseComplete.await(120, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  ((HttpServletResponse) response).sendError(503);
                  return;
                }
                chain.doFilter(request, response);
              });
      registration.addUrlPatterns("/engine-rest/*");
      registration.setOrder(0);
      return registration;
    }
  }
}
