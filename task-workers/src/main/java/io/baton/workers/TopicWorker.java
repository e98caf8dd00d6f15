package io.baton.workers;

import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.TaskContext;
import io.baton.connectors.ToolConnector;
import io.baton.models.Completions;
import io.baton.models.PersonalData;
import io.baton.tracing.CaseRef;
import io.baton.tracing.GenAiTracing;
import io.baton.tracing.GenAiTracing.TaskSpan;
import io.baton.workers.InFlightTasks.Running;
import io.baton.workers.TaskOutcome.BpmnError;
import io.baton.workers.TaskOutcome.Complete;
import io.baton.workers.TaskOutcome.Incident;
import io.baton.workers.TaskOutcome.Retry;
import io.baton.workers.TaskOutcome.Wait;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.exception.BadRequestException;
import org.camunda.bpm.client.exception.ConnectionLostException;
import org.camunda.bpm.client.exception.EngineException;
import org.camunda.bpm.client.exception.NotFoundException;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connector for the tasks of its topic, many at once. Its own client fetches only when
 * there is room for a full fetch; each fetched task is handed to the connector without blocking the
 * fetch loop, and the outcome is reported from whichever thread it arrives on: complete with the
 * output as variables, a BPMN error for a business outcome, or a failure that counts the task's
 * retries down until it becomes an incident.
 */
final class TopicWorker<I, O> {

  private static final Logger log = LoggerFactory.getLogger(TopicWorker.class);

  private final ConnectorFunction<I, O> function;
  private final TopicSettings settings;
  private final VariableBinding binding;
  private final Executor executor;
  private final FailureContract failures;
  private final InFlightTasks inFlight;
  private final WorkerMetrics metrics;
  private final GenAiTracing tracing;
  private ToolRunner tools;
  private volatile boolean stopping;
  private ExternalTaskClient client;

  TopicWorker(
      ConnectorFunction<I, O> function,
      TopicSettings settings,
      VariableBinding binding,
      Executor executor,
      WorkerMetrics metrics,
      GenAiTracing tracing) {
    this.function = function;
    this.settings = settings;
    this.binding = binding;
    this.executor = executor;
    this.failures =
        new FailureContract(
            new RetryPolicy(settings.retries(), settings.retryBackoff()),
            function.topic(),
            settings.timeout());
    this.inFlight = new InFlightTasks(settings.maxInFlight());
    this.metrics = metrics;
    this.tracing = tracing;
    metrics.inFlight(function.topic(), inFlight);
  }

  String topic() {
    return function.topic();
  }

  int inFlight() {
    return inFlight.size();
  }

  void start(String baseUrl, EngineClient engine, WorkerProperties properties) {
    if (function instanceof ToolConnector<?, ?>) {
      tools =
          new ToolRunner(
              new EffectLedgerClient(engine),
              binding,
              topic(),
              properties.workerId(),
              settings.lockDuration());
    }
    client =
        ExternalTaskClient.create()
            .baseUrl(baseUrl)
            .workerId(properties.workerId())
            .maxTasks(settings.fetchSize())
            // the tasks a full rate window sent back are handed out again highest priority first
            .usePriority(true)
            .asyncResponseTimeout(properties.asyncResponseTimeout().toMillis())
            .lockDuration(settings.lockDuration().toMillis())
            .backoffStrategy(new RoomToFetch(inFlight, settings.fetchSize(), () -> stopping))
            .customizeHttpClient(
                http ->
                    // completes and lock extensions of every task in flight, plus the long poll
                    http.setConnectionManager(
                        PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnPerRoute(settings.maxInFlight() + 4)
                            .setMaxConnTotal(settings.maxInFlight() + 4)
                            .build()))
            .addInterceptor(new BasicAuthProvider(properties.username(), properties.password()))
            .build();
    var subscription =
        client
            .subscribe(function.topic())
            .lockDuration(settings.lockDuration().toMillis())
            .handler(this::dispatch);
    List<String> names = VariableBinding.variableNames(function.inputType());
    if (!names.isEmpty()) {
      // only what the input record reads; without a list the engine sends every variable
      subscription.variables(names.toArray(String[]::new));
    }
    subscription.open();
  }

  private void dispatch(ExternalTask task, ExternalTaskService service) {
    TaskLogContext logContext = TaskLogContext.of(task);
    TaskSpan span =
        tracing.startTask(
            topic(),
            new CaseRef(
                task.getProcessDefinitionKey(),
                task.getProcessInstanceId(),
                task.getActivityId(),
                task.getId()));
    // the task's span is current on every pool thread that works on it: the spans of its model
    // calls and tools become its children
    Executor pool = span.context().wrap(logContext.around(executor));
    logContext.run(span.context().wrap(() -> dispatch(task, service, pool, span)));
  }

  /**
   * Runs the connector and reports its outcome on {@code pool}, which logs with the task's ids and
   * traces in its span; ends the span with the outcome.
   */
  private void dispatch(
      ExternalTask task, ExternalTaskService service, Executor pool, TaskSpan span) {
    long started = System.nanoTime();
    I input;
    try {
      input = binding.bind(binding.variables(task), function.inputType());
    } catch (RuntimeException e) {
      // the same variables will not bind next time either: an incident now, not a retry loop
      RuntimeException invalid =
          e instanceof InvalidInputException ? e : new InvalidInputException("invalid input: " + e);
      TaskOutcome outcome = failures.outcome(invalid, task.getRetries());
      metrics.taskEnded(topic(), outcome, started);
      report(task, service, outcome, invalid);
      span.end(WorkerMetrics.name(outcome), invalid);
      return;
    }
    Running running =
        inFlight.add(
            task, service, System.currentTimeMillis() + settings.lockDuration().toMillis());
    CompletableFuture<Map<String, Object>> result;
    try {
      // the connector starts on the pool, not on this fetch thread: preparing a model request
      // (rendering, the request's JSON) for a whole batch would hold up the next fetch
      result =
          function instanceof ToolConnector<I, O> tool
              ? CompletableFuture.supplyAsync(
                  () ->
                      tracing.executeTool(
                          toolName(), task.getId(), () -> tools.actOnce(tool, task, input)),
                  pool)
              : CompletableFuture.supplyAsync(
                      () -> function.applyAsync(input, context(task), pool), pool)
                  .thenCompose(answer -> answer)
                  .thenApply(binding::toVariables);
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    result
        .orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
        // report on the bounded pool, never on the thread of an HTTP client's callback
        .whenCompleteAsync(
            (variables, error) -> {
              Ended ended = new Ended("released", null);
              try {
                running.finishing = true;
                if (!running.released) {
                  ended = finish(task, service, variables, Completions.cause(error), started);
                }
              } catch (RuntimeException e) {
                ended = new Ended("unreported", e);
                log.warn(
                    "task {} on {}: cannot report its outcome: {}",
                    task.getId(),
                    topic(),
                    PersonalData.redact(e.toString()));
                report(
                    () -> service.handleFailure(task, topic() + " failed: " + e, null, 0, 0), task);
              } finally {
                inFlight.remove(task.getId());
                span.end(ended.outcome(), ended.error());
              }
            },
            pool);
  }

  /** How a task ended, for its span: the failure only when it is one (a retry, an incident). */
  private record Ended(String outcome, Throwable error) {

    static Ended of(TaskOutcome outcome, Throwable error) {
      boolean failed = outcome instanceof Retry || outcome instanceof Incident;
      return new Ended(WorkerMetrics.name(outcome), failed ? error : null);
    }
  }

  /** The tool's name in traces: its topic without the {@code baton.} prefix. */
  private String toolName() {
    return topic().startsWith("baton.") ? topic().substring("baton.".length()) : topic();
  }

  /**
   * Completes the task; when a lock extension that was already under way changed the task at the
   * same moment (the engine's optimistic locking), completes it again: the result is still good,
   * and failing the task would only run the connector a second time.
   */
  private static void completeDespiteLockExtension(
      ExternalTask task, ExternalTaskService service, Map<String, Object> variables) {
    for (int attempt = 1; ; attempt++) {
      try {
        service.complete(task, variables);
        return;
      } catch (EngineException e) {
        if (attempt == 3 || !"OptimisticLockingException".equals(e.getType())) {
          throw e;
        }
      }
    }
  }

  private static TaskContext context(ExternalTask task) {
    return new TaskContext(
        task.getProcessInstanceId(),
        task.getActivityId(),
        task.getActivityInstanceId(),
        task.getId(),
        task.getBusinessKey());
  }

  private Ended finish(
      ExternalTask task,
      ExternalTaskService service,
      Map<String, Object> variables,
      Throwable error,
      long startNanos) {
    TaskOutcome outcome = failures.outcome(variables, error, task.getRetries());
    if (outcome instanceof Complete) {
      try {
        variables = binding.storeLarge(variables, task.getProcessInstanceId());
        completeDespiteLockExtension(task, service, variables);
        metrics.taskEnded(topic(), outcome, startNanos);
        return Ended.of(outcome, null);
      } catch (NotFoundException | ConnectionLostException e) {
        // the task is gone (cancelled, or completed after its lock ran out) or the engine is out
        // of reach: the engine decides, and an unfinished task is fetched again after its lock
        log.warn("cannot complete task {} on {}: {}", task.getId(), topic(), e.toString());
        metrics.taskEnded(topic(), "lost", startNanos);
        return new Ended("lost", null);
      } catch (RuntimeException e) {
        // the engine refused the result, or continuing the process failed: a failure like any
        // other, so it ends in an incident instead of running again and again
        error = e;
        outcome = failures.outcome(e, task.getRetries());
      }
    }
    metrics.taskEnded(topic(), outcome, startNanos);
    report(task, service, outcome, error);
    return Ended.of(outcome, error);
  }

  private void report(
      ExternalTask task, ExternalTaskService service, TaskOutcome outcome, Throwable error) {
    // operators read these in Cockpit: no personal data from inputs or model answers
    if (outcome instanceof BpmnError bpmnError) {
      raise(task, service, bpmnError, error);
    } else if (outcome instanceof Wait wait) {
      log.info("task {} on {}: {}", task.getId(), topic(), wait.message());
      report(
          () ->
              service.handleFailure(
                  task, wait.message(), null, wait.retries(), wait.backoffMillis()),
          task);
    } else if (outcome instanceof Retry retry) {
      fail(task, service, retry.message(), retry.retriesLeft(), retry.backoffMillis(), error);
    } else if (outcome instanceof Incident incident) {
      fail(task, service, incident.message(), 0, 0, error);
    }
  }

  /**
   * Raises the BPMN error; when the diagram has no event that catches it (the engine refuses it),
   * the task becomes an incident that names the code, instead of being fetched again and again.
   */
  private void raise(
      ExternalTask task, ExternalTaskService service, BpmnError bpmnError, Throwable error) {
    String message = PersonalData.redact(bpmnError.message());
    try {
      service.handleBpmnError(task, bpmnError.code(), message, bpmnError.variables());
    } catch (EngineException | BadRequestException e) {
      String uncaught =
          "%s raised BPMN error %s, which nothing in the diagram catches: %s"
              .formatted(topic(), bpmnError.code(), message);
      fail(task, service, uncaught, 0, 0, error);
    } catch (RuntimeException e) {
      log.warn(
          "cannot report task {} on {} to the engine: {}", task.getId(), topic(), e.toString());
    }
  }

  private void fail(
      ExternalTask task,
      ExternalTaskService service,
      String message,
      int retriesLeft,
      long backoff,
      Throwable error) {
    log.warn(
        "task {} on {} failed, {} retries left: {}",
        task.getId(),
        topic(),
        retriesLeft,
        PersonalData.redact(String.valueOf(error)));
    String redacted = PersonalData.redact(message);
    String details = error == null ? null : PersonalData.redact(stackTrace(error));
    report(() -> service.handleFailure(task, redacted, details, retriesLeft, backoff), task);
  }

  /**
   * Extends the lock of every task still running whose lock runs out within half a lock. A task
   * whose lock is gone (another worker may hold it now) is released: its outcome is not reported.
   * Renews the effect leases of the tools still acting, whether their task's lock is held or not.
   */
  void extendLocks(long now) {
    long lockMillis = settings.lockDuration().toMillis();
    for (Running running : inFlight.all()) {
      if (!running.released && !running.finishing && running.lockExpiresAt - now < lockMillis / 2) {
        try {
          running.service.extendLock(running.task, lockMillis);
          running.lockExpiresAt = now + lockMillis;
        } catch (NotFoundException | BadRequestException lost) {
          running.released = true;
          log.warn(
              "task {} on {} lost its lock: {}", running.task.getId(), topic(), lost.toString());
        } catch (RuntimeException e) {
          log.warn(
              "cannot extend the lock of task {} on {}: {}",
              running.task.getId(),
              topic(),
              e.toString());
        }
      }
    }
    if (tools != null) {
      tools.renewLeases(now);
    }
  }

  /** Stops fetching; tasks already running go on. */
  void stopFetching() {
    stopping = true;
    if (client != null) {
      client.stop();
    }
  }

  /** Waits up to the deadline for the running tasks to finish; true when none is left. */
  boolean awaitIdle(long deadline) {
    try {
      return inFlight.awaitEmpty(Math.max(deadline - System.currentTimeMillis(), 0));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Takes the tasks that did not finish away from their connectors: outcomes that still arrive are
   * not reported. Returns them for {@link #handBack}.
   */
  List<Running> releaseRemaining() {
    List<Running> remaining = new ArrayList<>();
    for (Running running : inFlight.all()) {
      if (!running.released) {
        running.released = true;
        remaining.add(running);
      }
    }
    return remaining;
  }

  /** Hands released tasks back to the engine, unlocked, retries untouched. */
  void handBack(List<Running> released) {
    for (Running running : released) {
      report(() -> running.service.unlock(running.task), running.task);
      log.info("handed task {} on {} back to the engine", running.task.getId(), topic());
    }
  }

  private void report(Runnable call, ExternalTask task) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn(
          "cannot report task {} on {} to the engine: {}", task.getId(), topic(), e.toString());
    }
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
