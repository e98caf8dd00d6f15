package io.baton.connectors;

import java.time.Duration;

/**
 * A technical failure whose source said when to try again (for example HTTP 429 with Retry-After).
 * The runtime waits at least {@link #retryAfter()} before the next attempt.
 */
public class RetryLaterException extends RuntimeException {

  private final Duration retryAfter;

  public RetryLaterException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
