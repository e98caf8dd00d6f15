package io.baton.workers;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.client.backoff.BackoffStrategy;
import org.camunda.bpm.client.task.ExternalTask;

/**
 * Back-pressure for the stock client's fetch loop, which asks its backoff strategy how long to wait
 * before every fetch: this one waits until there is room for a full fetch, so the worker never
 * locks tasks it cannot start at once.
 */
final class RoomToFetch implements BackoffStrategy {

  private static final long CHECK_STOP_EVERY_MILLIS = 200;

  private final InFlightTasks inFlight;
  private final int fetchSize;
  private final BooleanSupplier stopping;

  RoomToFetch(InFlightTasks inFlight, int fetchSize, BooleanSupplier stopping) {
    this.inFlight = inFlight;
    this.fetchSize = fetchSize;
    this.stopping = stopping;
  }

  @Override
  public void reconfigure(List<ExternalTask> fetched) {}

  @Override
  public long calculateBackoffTime() {
    try {
      while (!stopping.getAsBoolean() && !inFlight.awaitRoom(fetchSize, CHECK_STOP_EVERY_MILLIS)) {
        // still full: keep waiting, but look at the stop flag now and then
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
