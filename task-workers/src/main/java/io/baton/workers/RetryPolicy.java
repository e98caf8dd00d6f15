package io.baton.workers;

import java.time.Duration;

/** Counts retries down from {@code baton.workers.retries} with exponential backoff. */
record RetryPolicy(int retries, Duration backoff) {

  /**
   * @param current the task's retries, null on the first failure
   */
  int retriesLeft(Integer current) {
    int left = current == null ? retries - 1 : current - 1;
    return Math.max(left, 0);
  }

  long backoffMillis(int retriesLeft) {
    int failuresSoFar = Math.max(retries - retriesLeft - 1, 0);
    return backoff.toMillis() << Math.min(failuresSoFar, 16);
  }
}
