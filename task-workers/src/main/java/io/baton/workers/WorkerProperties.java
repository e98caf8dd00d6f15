package io.baton.workers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Worker runtime settings, {@code baton.workers.*}.
 *
 * @param enabled whether this process runs workers
 * @param baseUrl the engine's REST API; empty means this process's own {@code /engine-rest}
 * @param username the REST user the workers authenticate as
 * @param workerId the id this process locks tasks under; unique per process unless set
 * @param lockDuration how long a fetched task stays locked; extended while it still runs
 * @param maxInFlight per topic, how many tasks run at once at most
 * @param fetchSize per topic, how many tasks one fetch locks at most
 * @param threads the pool that runs blocking connectors (non-blocking ones need none)
 * @param retries attempts of a task before it becomes an incident
 * @param retryBackoff wait before the second attempt; doubles with each further attempt
 * @param shutdownGrace how long a stopping worker lets running tasks finish before it hands them
 *     back
 * @param timeout how long one task may run before it counts as a failure
 * @param topics per-connector overrides, keyed by the connector name (topic without "baton.")
 * @param include the connectors this process runs, by name; empty means all
 * @param exclude the connectors this process leaves to other workers, by name (for example the
 *     tools, run by a worker next to the systems they act on)
 */
@ConfigurationProperties("baton.workers")
public record WorkerProperties(
    @DefaultValue("true") boolean enabled,
    String baseUrl,
    @DefaultValue("worker") String username,
    String password,
    String workerId,
    @DefaultValue("60s") Duration lockDuration,
    @DefaultValue("100") int maxInFlight,
    @DefaultValue("10") int fetchSize,
    @DefaultValue("16") int threads,
    @DefaultValue("5s") Duration asyncResponseTimeout,
    @DefaultValue("3") int retries,
    @DefaultValue("5s") Duration retryBackoff,
    @DefaultValue("30s") Duration shutdownGrace,
    @DefaultValue("10m") Duration timeout,
    @DefaultValue Map<String, TopicSettings> topics,
    @DefaultValue List<String> include,
    @DefaultValue List<String> exclude) {

  public WorkerProperties {
    if (workerId == null || workerId.isBlank()) {
      workerId =
          "baton-"
              + ProcessHandle.current().pid()
              + "-"
              + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
  }

  /** Whether this process runs the workers of {@code topic}. */
  boolean runs(String topic) {
    String name = topic.startsWith("baton.") ? topic.substring(6) : topic;
    return (include.isEmpty() || include.contains(name)) && !exclude.contains(name);
  }

  /** The settings of a topic: its overrides, else these defaults. */
  TopicSettings topic(String topic) {
    TopicSettings defaults =
        new TopicSettings(lockDuration, maxInFlight, fetchSize, retries, retryBackoff, timeout);
    TopicSettings override = topics.get(topic.startsWith("baton.") ? topic.substring(6) : topic);
    TopicSettings settings = override == null ? defaults : override.orElse(defaults);
    settings.validate(topic);
    return settings;
  }

  @Override
  public String toString() {
    return "WorkerProperties[baseUrl=%s, username=%s, workerId=%s]"
        .formatted(baseUrl, username, workerId);
  }
}
