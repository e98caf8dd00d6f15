package io.baton.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per source address and user name. After {@code maxFailures} failures in a row that
 * pair is refused for {@code blockFor}, twice as long after each further failure, up to {@code
 * maxBlockFor}; a successful login clears it. Other sources are never affected, so a stranger
 * cannot lock out a named account, and the engine itself locks nobody.
 */
final class LoginThrottle {

  private static final int MAX_TRACKED = 10_000;

  private final LoginThrottleProperties properties;
  private final Clock clock;
  private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(LoginThrottleProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** How long this source must still wait before it may try this user again; zero if it may. */
  Duration retryAfter(String source, String user) {
    Failures current = failures.get(key(source, user));
    if (current == null || current.blockedUntil == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), current.blockedUntil);
    return left.isNegative() ? Duration.ZERO : left;
  }

  void failed(String source, String user) {
    forgetOldEntries();
    failures.compute(
        key(source, user),
        (key, previous) -> {
          int count = previous == null ? 1 : previous.count + 1;
          return new Failures(count, clock.instant(), blockedUntil(count));
        });
  }

  void succeeded(String source, String user) {
    failures.remove(key(source, user));
  }

  private Instant blockedUntil(int count) {
    int beyond = count - properties.maxFailures();
    if (beyond < 0) {
      return null;
    }
    Duration block = properties.blockFor().multipliedBy(1L << Math.min(beyond, 20));
    return clock
        .instant()
        .plus(block.compareTo(properties.maxBlockFor()) > 0 ? properties.maxBlockFor() : block);
  }

  /** Keeps memory bounded: pairs whose last failure is older than the longest block are dropped. */
  private void forgetOldEntries() {
    if (failures.size() < MAX_TRACKED) {
      return;
    }
    Instant horizon = clock.instant().minus(properties.maxBlockFor());
    failures.values().removeIf(f -> f.last.isBefore(horizon));
  }

  private static Key key(String source, String user) {
    return new Key(source, user == null ? "" : user.toLowerCase(Locale.ROOT));
  }

  private record Key(String source, String user) {}

  private record Failures(int count, Instant last, Instant blockedUntil) {}
}
