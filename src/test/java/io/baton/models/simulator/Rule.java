package io.baton.models.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A scripted answer: which requests, for which model, how often, how late and what reply. */
final class Rule {

  static final int UNLIMITED = -1;

  private final Match match;
  private final String model;
  private final AtomicInteger remaining;
  private final Duration latency;
  private final Reply reply;

  Rule(Match match, String model, int times, Duration latency, Reply reply) {
    this.match = match;
    this.model = model;
    this.remaining = new AtomicInteger(times);
    this.latency = latency;
    this.reply = reply;
  }

  /** True when the rule answers this request; a rule limited to N times answers N of them. */
  boolean claim(RecordedRequest request) {
    if (!match.matches(request) || (model != null && !model.equals(request.model()))) {
      return false;
    }
    return remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0;
  }

  Duration latency() {
    return latency;
  }

  Reply reply() {
    return reply;
  }

  @Override
  public String toString() {
    return match + (model == null ? "" : " for model " + model) + " -> " + reply;
  }
}
