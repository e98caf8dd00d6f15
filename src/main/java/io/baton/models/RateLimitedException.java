package io.baton.models;

import java.time.Duration;

/**
 * The model's shared rate window is full: the call was not made and waits for the next window. Not
 * a failure: the worker gives the task back to the engine with its retries kept, and when the
 * window opens the engine hands out the waiting tasks by their BPMN task priority. A fallback chain
 * does not move on for it: the case waits for the model it asked for.
 */
public class RateLimitedException extends RuntimeException {

  private final Duration retryAfter;

  public RateLimitedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
