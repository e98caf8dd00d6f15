package io.baton.workers;

import java.time.Duration;

/**
 * Another attempt holds the lease on the effect this task would cause: it may still be acting. The
 * task waits for it instead of acting too, and this costs it no retry.
 */
final class EffectInProgressException extends RuntimeException {

  private final Duration leaseLeft;

  EffectInProgressException(String key, String owner, Duration leaseLeft) {
    super(
        "effect %s is being attempted by %s; trying again once it is done or its lease runs out (%d ms)"
            .formatted(key, owner, leaseLeft.toMillis()));
    this.leaseLeft = leaseLeft;
  }

  Duration leaseLeft() {
    return leaseLeft;
  }
}
