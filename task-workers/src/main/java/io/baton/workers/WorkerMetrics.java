package io.baton.workers;

import io.baton.workers.TaskOutcome.BpmnError;
import io.baton.workers.TaskOutcome.Complete;
import io.baton.workers.TaskOutcome.Incident;
import io.baton.workers.TaskOutcome.Retry;
import io.baton.workers.TaskOutcome.Wait;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What the worker runtime tells operators, in the embedded and in a standalone worker alike:
 *
 * <ul>
 *   <li>{@code baton.connector.tasks}: a latency histogram per topic and outcome ({@code complete},
 *       {@code bpmn_error}, {@code retry}, {@code wait}, {@code incident}, {@code lost} when the
 *       engine no longer had the task);
 *   <li>{@code baton.worker.in_flight}: tasks a topic is working on;
 *   <li>{@code baton.worker.backlog}: work waiting for a thread of the connector pool.
 * </ul>
 */
final class WorkerMetrics {

  static final String TASKS = "baton.connector.tasks";

  private final MeterRegistry meters;

  WorkerMetrics(MeterRegistry meters) {
    this.meters = meters == null ? new SimpleMeterRegistry() : meters;
  }

  void taskEnded(String topic, String outcome, long startNanos) {
    Timer.builder(TASKS)
        .description("External tasks by connector topic and how they ended")
        .tags("topic", topic, "outcome", outcome)
        .publishPercentileHistogram()
        .register(meters)
        .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  void taskEnded(String topic, TaskOutcome outcome, long startNanos) {
    taskEnded(topic, name(outcome), startNanos);
  }

  void inFlight(String topic, InFlightTasks tasks) {
    Gauge.builder("baton.worker.in_flight", tasks, InFlightTasks::size)
        .description("External tasks a topic is working on")
        .tag("topic", topic)
        .register(meters);
  }

  void backlog(ThreadPoolExecutor pool) {
    Gauge.builder("baton.worker.backlog", pool, p -> p.getQueue().size())
        .description("Connector work waiting for a thread")
        .register(meters);
  }

  static String name(TaskOutcome outcome) {
    if (outcome instanceof Complete) {
      return "complete";
    }
    if (outcome instanceof BpmnError) {
      return "bpmn_error";
    }
    if (outcome instanceof Retry) {
      return "retry";
    }
    if (outcome instanceof Wait) {
      return "wait";
    }
    if (outcome instanceof Incident) {
      return "incident";
    }
    throw new IllegalArgumentException("unknown task outcome " + outcome);
  }
}
