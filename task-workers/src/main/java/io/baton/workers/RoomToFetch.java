package io.baton.workers;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.client.backoff.ErrorAwareBackoffStrategy;
import org.camunda.bpm.client.exception.ExternalTaskClientException;
import org.camunda.bpm.client.task.ExternalTask;

/**
 * Back-pressure for the stock client's fetch loop, which asks its backoff strategy how long to wait
 * before every fetch: this one waits until there is room for a full fetch, so the worker never
 * locks tasks it cannot start at once. After a failed fetch (engine down, wrong password) it waits
 * longer each time, up to {@value #MAX_ERROR_BACKOFF_MILLIS} ms, instead of asking again at once.
 */
final class RoomToFetch implements ErrorAwareBackoffStrategy {

  private static final long CHECK_STOP_EVERY_MILLIS = 200;
  private static final long FIRST_ERROR_BACKOFF_MILLIS = 500;
  private static final long MAX_ERROR_BACKOFF_MILLIS = 30_000;

  private final InFlightTasks inFlight;
  private final int fetchSize;
  private final BooleanSupplier stopping;
  private long errorBackoff;

  RoomToFetch(InFlightTasks inFlight, int fetchSize, BooleanSupplier stopping) {
    this.inFlight = inFlight;
    this.fetchSize = fetchSize;
    this.stopping = stopping;
  }

  @Override
  public void reconfigure(List<ExternalTask> fetched, ExternalTaskClientException error) {
    if (error == null) {
      errorBackoff = 0;
    } else {
      errorBackoff =
          errorBackoff == 0
              ? FIRST_ERROR_BACKOFF_MILLIS
              : Math.min(errorBackoff * 2, MAX_ERROR_BACKOFF_MILLIS);
    }
  }

  @Override
  public long calculateBackoffTime() {
    if (errorBackoff > 0) {
      return errorBackoff;
    }
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
