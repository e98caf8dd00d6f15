package io.baton.models;

import java.time.Duration;

/**
 * The model could not answer now: timeout, server error, rate limit, connection refused, or its
 * provider's circuit breaker is open. Worth trying again later or on another model.
 */
public class ModelUnavailableException extends RuntimeException {

  private final Duration retryAfter;

  public ModelUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the provider asked to wait, or null when it did not say. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
