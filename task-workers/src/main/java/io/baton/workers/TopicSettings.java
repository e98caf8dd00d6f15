package io.baton.workers;

import java.time.Duration;

/**
 * The settings of one topic: {@code baton.workers.topics.<connector>.*} where given, else the
 * defaults under {@code baton.workers.*}. Null fields fall back to the defaults.
 *
 * @param maxInFlight how many tasks of the topic run at once at most
 * @param fetchSize how many tasks one fetch locks at most
 * @param timeout how long one task may run before it counts as a failure
 */
public record TopicSettings(
    Duration lockDuration,
    Integer maxInFlight,
    Integer fetchSize,
    Integer retries,
    Duration retryBackoff,
    Duration timeout) {

  TopicSettings orElse(TopicSettings defaults) {
    return new TopicSettings(
        lockDuration != null ? lockDuration : defaults.lockDuration,
        maxInFlight != null ? maxInFlight : defaults.maxInFlight,
        fetchSize != null ? fetchSize : defaults.fetchSize,
        retries != null ? retries : defaults.retries,
        retryBackoff != null ? retryBackoff : defaults.retryBackoff,
        timeout != null ? timeout : defaults.timeout);
  }

  void validate(String topic) {
    if (maxInFlight < 1 || fetchSize < 1 || fetchSize > maxInFlight) {
      throw new IllegalStateException(
          "topic %s: need 1 <= fetch-size (%d) <= max-in-flight (%d)"
              .formatted(topic, fetchSize, maxInFlight));
    }
    if (lockDuration.toMillis() < 1000) {
      throw new IllegalStateException(
          "topic %s: lock-duration %s is too short; use at least 1s"
              .formatted(topic, lockDuration));
    }
  }
}
