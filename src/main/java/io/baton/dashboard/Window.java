package io.baton.dashboard;

import java.time.Duration;
import java.time.Instant;

/**
 * The days the dashboard looks back over, from now.
 *
 * @param days at least 1, at most {@link #MAX_DAYS}
 */
record Window(int days, Instant since) {

  static final int DEFAULT_DAYS = 7;
  static final int MAX_DAYS = 90;

  /** The window for {@code ?days=}; default 7 days; refuses anything but 1 to 90. */
  static Window parse(String days, Instant now) {
    int parsed;
    try {
      parsed = days == null ? DEFAULT_DAYS : Integer.parseInt(days.strip());
    } catch (NumberFormatException e) {
      throw new InvalidWindowException(
          "days must be a whole number of days from 1 to " + MAX_DAYS + ", it is '" + days + "'");
    }
    if (parsed < 1 || parsed > MAX_DAYS) {
      throw new InvalidWindowException("days must be from 1 to " + MAX_DAYS + ", it is " + parsed);
    }
    return new Window(parsed, now.minus(Duration.ofDays(parsed)));
  }

  static final class InvalidWindowException extends RuntimeException {
    InvalidWindowException(String message) {
      super(message);
    }
  }
}
