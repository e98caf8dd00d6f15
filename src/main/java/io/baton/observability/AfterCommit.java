package io.baton.observability;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a count when the current transaction commits, so a metric counts only what happened (an
 * engine command that rolls back counts nothing); right away outside a transaction.
 */
public final class AfterCommit {

  private AfterCommit() {}

  public static void run(Runnable count) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              count.run();
            }
          });
    } else {
      count.run();
    }
  }
}
