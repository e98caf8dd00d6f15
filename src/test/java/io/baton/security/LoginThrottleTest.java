package io.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle =
      new LoginThrottle(
          new LoginThrottleProperties(3, Duration.ofSeconds(30), Duration.ofMinutes(2)), clock);

  @Test
  void should_let_a_source_try_until_max_failures_then_make_it_wait() {
    fail("10.0.0.9", "worker", 2);
    assertThat(throttle.retryAfter("10.0.0.9", "worker")).isZero();

    fail("10.0.0.9", "worker", 1);

    assertThat(throttle.retryAfter("10.0.0.9", "worker")).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void should_never_make_another_source_or_user_wait() {
    fail("10.0.0.9", "worker", 30);

    assertThat(throttle.retryAfter("127.0.0.1", "worker")).isZero();
    assertThat(throttle.retryAfter("10.0.0.9", "admin")).isZero();
  }

  @Test
  void should_double_the_wait_up_to_the_maximum_and_forget_it_after_a_success() {
    fail("10.0.0.9", "Admin", 4);
    assertThat(throttle.retryAfter("10.0.0.9", "admin")).isEqualTo(Duration.ofSeconds(60));
    fail("10.0.0.9", "admin", 5);
    assertThat(throttle.retryAfter("10.0.0.9", "admin")).isEqualTo(Duration.ofMinutes(2));

    clock.advance(Duration.ofMinutes(2));
    assertThat(throttle.retryAfter("10.0.0.9", "admin")).isZero();
    throttle.succeeded("10.0.0.9", "admin");
    fail("10.0.0.9", "admin", 1);
    assertThat(throttle.retryAfter("10.0.0.9", "admin")).isZero();
  }

  private void fail(String source, String user, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(source, user);
    }
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
