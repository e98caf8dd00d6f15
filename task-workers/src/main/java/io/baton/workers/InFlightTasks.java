package io.baton.workers;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;

/** The tasks one topic worker holds right now, and how many more it has room for. */
final class InFlightTasks {

  private final int capacity;
  private final ConcurrentHashMap<String, Running> running = new ConcurrentHashMap<>();
  private final Object changed = new Object();

  InFlightTasks(int capacity) {
    this.capacity = capacity;
  }

  Running add(ExternalTask task, ExternalTaskService service, long lockExpiresAt) {
    Running entry = new Running(task, service, lockExpiresAt);
    running.put(task.getId(), entry);
    return entry;
  }

  void remove(String taskId) {
    running.remove(taskId);
    synchronized (changed) {
      changed.notifyAll();
    }
  }

  int size() {
    return running.size();
  }

  int free() {
    return capacity - running.size();
  }

  Collection<Running> all() {
    return running.values();
  }

  /** Waits up to {@code maxMillis} for room for {@code needed} more tasks; true when there is. */
  boolean awaitRoom(int needed, long maxMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + maxMillis;
    synchronized (changed) {
      while (free() < needed) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return false;
        }
        changed.wait(left);
      }
    }
    return true;
  }

  /** Waits up to {@code maxMillis} until nothing is in flight; true when empty. */
  boolean awaitEmpty(long maxMillis) throws InterruptedException {
    return awaitRoom(capacity, maxMillis);
  }

  /** One running task, the service that reports on it, and when its lock runs out. */
  static final class Running {
    final ExternalTask task;
    final ExternalTaskService service;
    volatile long lockExpiresAt;

    /** Handed back or lost its lock: the outcome is no longer this worker's to report. */
    volatile boolean released;

    /** Its outcome is being reported: the lock keeper leaves it alone, not to race the report. */
    volatile boolean finishing;

    Running(ExternalTask task, ExternalTaskService service, long lockExpiresAt) {
      this.task = task;
      this.service = service;
      this.lockExpiresAt = lockExpiresAt;
    }
  }
}
