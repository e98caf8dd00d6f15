package io.baton.workers;

import io.baton.connectors.ConnectorFunction;
import io.baton.tracing.GenAiTracing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link TopicWorker} per connector against one engine, a bounded pool for blocking
 * connectors, and one timer that extends the locks of tasks still running. Stops them together.
 */
public class WorkerRuntime {

  /** How long past its own timeout a long poll may take before stopping goes on without it. */
  private static final long UNANSWERED_POLL_MARGIN_MILLIS = 5_000;

  private static final Logger log = LoggerFactory.getLogger(WorkerRuntime.class);

  private final WorkerProperties properties;
  private final List<ConnectorFunction<?, ?>> connectors;
  private final VariableBinding binding;
  private final WorkerMetrics metrics;
  private final GenAiTracing tracing;
  private final List<TopicWorker<?, ?>> workers = new CopyOnWriteArrayList<>();
  private ExecutorService executor;
  private ScheduledExecutorService lockKeeper;

  WorkerRuntime(
      WorkerProperties properties,
      List<ConnectorFunction<?, ?>> connectors,
      VariableBinding binding) {
    this(properties, connectors, binding, new WorkerMetrics(null));
  }

  WorkerRuntime(
      WorkerProperties properties,
      List<ConnectorFunction<?, ?>> connectors,
      VariableBinding binding,
      WorkerMetrics metrics) {
    this(properties, connectors, binding, metrics, GenAiTracing.NOOP);
  }

  WorkerRuntime(
      WorkerProperties properties,
      List<ConnectorFunction<?, ?>> connectors,
      VariableBinding binding,
      WorkerMetrics metrics,
      GenAiTracing tracing) {
    this.metrics = metrics;
    this.tracing = tracing;
    this.properties = properties;
    this.connectors =
        connectors.stream().filter(connector -> properties.runs(connector.topic())).toList();
    this.binding = binding;
  }

  public synchronized void start(String baseUrl) {
    if (!workers.isEmpty()) {
      return;
    }
    if (properties.password() == null || properties.password().isBlank()) {
      throw new IllegalStateException(
          "worker user '%s' has no password: set BATON_WORKERS_PASSWORD (baton.workers.password)"
              .formatted(properties.username()));
    }
    List<TopicSettings> settings =
        connectors.stream().map(c -> properties.topic(c.topic())).toList();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            properties.threads(),
            properties.threads(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            named("baton-connector"));
    metrics.backlog(pool);
    executor = pool;
    EngineClient engine = new EngineClient(baseUrl, properties.username(), properties.password());
    long shortestLock = Long.MAX_VALUE;
    lockKeeper = Executors.newSingleThreadScheduledExecutor(named("baton-lock-keeper"));
    for (int i = 0; i < connectors.size(); i++) {
      TopicSettings topic = settings.get(i);
      shortestLock = Math.min(shortestLock, topic.lockDuration().toMillis());
      TopicWorker<?, ?> worker =
          new TopicWorker<>(connectors.get(i), topic, binding, executor, metrics, tracing);
      workers.add(worker);
      worker.start(baseUrl, engine, properties);
    }
    long every = Math.max(shortestLock / 4, 250);
    lockKeeper.scheduleWithFixedDelay(this::extendLocks, every, every, TimeUnit.MILLISECONDS);
    log.info(
        "workers subscribed to {} at {}",
        workers.stream().map(TopicWorker::topic).toList(),
        baseUrl);
  }

  /** The topics this runtime fetches from; empty until it starts and after it stops. */
  public List<String> topics() {
    return workers.stream().map(TopicWorker::topic).toList();
  }

  /** Tasks running now, over all topics. */
  public int inFlight() {
    return workers.stream().mapToInt(TopicWorker::inFlight).sum();
  }

  public synchronized void stop() {
    if (workers.isEmpty()) {
      return;
    }
    stopFetchingTogether();
    long deadline = System.currentTimeMillis() + properties.shutdownGrace().toMillis();
    workers.forEach(worker -> worker.awaitIdle(deadline));
    Map<TopicWorker<?, ?>, List<InFlightTasks.Running>> remaining = new LinkedHashMap<>();
    workers.forEach(worker -> remaining.put(worker, worker.releaseRemaining()));
    // interrupt what still runs before handing it back, so no tool acts after another worker
    // took it
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    remaining.forEach((worker, tasks) -> worker.handBack(tasks));
    workers.clear();
    lockKeeper.shutdownNow();
    log.info("workers stopped");
  }

  /**
   * Stops every topic's fetch loop at the same time: stopping one waits for its long poll to come
   * back (up to {@code async-response-timeout}), so one topic after the other would take that wait
   * once per topic. A long poll the engine leaves unanswered well past that time is not waited for:
   * an engine that stopped answering would otherwise hold this process's shutdown.
   */
  private void stopFetchingTogether() {
    ThreadFactory threads = named("baton-stop");
    List<Thread> stoppers =
        workers.stream().map(worker -> threads.newThread(worker::stopFetching)).toList();
    stoppers.forEach(Thread::start);
    long until =
        System.currentTimeMillis()
            + properties.asyncResponseTimeout().toMillis()
            + UNANSWERED_POLL_MARGIN_MILLIS;
    for (int i = 0; i < stoppers.size(); i++) {
      try {
        stoppers.get(i).join(Math.max(until - System.currentTimeMillis(), 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (stoppers.get(i).isAlive()) {
        log.warn(
            "{}: the engine has not answered the long poll; stopping without waiting for it",
            workers.get(i).topic());
      }
    }
  }

  private void extendLocks() {
    long now = System.currentTimeMillis();
    for (TopicWorker<?, ?> worker : workers) {
      try {
        worker.extendLocks(now);
      } catch (Throwable e) {
        // a scheduled task that throws is never run again: keep the keeper alive
        log.error("lock keeper failed for {}", worker.topic(), e);
      }
    }
  }

  /** Daemon threads named {@code <prefix>-1}, {@code <prefix>-2}, ... */
  static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
