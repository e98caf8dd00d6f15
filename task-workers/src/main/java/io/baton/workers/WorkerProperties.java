package io.baton.workers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Worker runtime settings, {@code baton.workers.*}.
 *
 * @param enabled whether this process runs workers
 * @param baseUrl the engine's REST API; empty means this process's own {@code /engine-rest}
 * @param username the REST user the workers authenticate as
 * @param workerId the id this process locks tasks under; unique per process unless set
 * @param retries attempts of a task before it becomes an incident
 * @param retryBackoff wait before the second attempt; doubles with each further attempt
 */
@ConfigurationProperties("baton.workers")
public record WorkerProperties(
    @DefaultValue("true") boolean enabled,
    String baseUrl,
    @DefaultValue("worker") String username,
    String password,
    String workerId,
    @DefaultValue("60s") Duration lockDuration,
    @DefaultValue("10") int maxTasks,
    @DefaultValue("5s") Duration asyncResponseTimeout,
    @DefaultValue("3") int retries,
    @DefaultValue("5s") Duration retryBackoff) {

  public WorkerProperties {
    if (workerId == null || workerId.isBlank()) {
      workerId =
          "baton-"
              + ProcessHandle.current().pid()
              + "-"
              + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
  }

  @Override
  public String toString() {
    return "WorkerProperties[baseUrl=%s, username=%s, workerId=%s]"
        .formatted(baseUrl, username, workerId);
  }
}
