package io.baton.rows;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locks one row for the caller's transaction ({@code SELECT ... FOR UPDATE}), making it first when
 * it does not exist yet. The row is made under a savepoint on the caller's connection, so losing
 * the race to another transaction that made the same row leaves the caller's transaction usable: it
 * then locks the other one's row like any other.
 */
@Component
public class LockedRow {

  private final TransactionTemplate savepoint;

  public LockedRow(PlatformTransactionManager transactions) {
    this.savepoint = new TransactionTemplate(transactions);
    // on the caller's connection: a second connection per lock would starve the pool under load
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * @param selectForUpdate selects the row with {@code FOR UPDATE}: one row, or none yet
   * @param create inserts the row; a unique key makes a second insert of it fail
   */
  public <T> T lock(Supplier<List<T>> selectForUpdate, Runnable create) {
    List<T> found = selectForUpdate.get();
    if (found.isEmpty()) {
      try {
        savepoint.executeWithoutResult(status -> create.run());
      } catch (DuplicateKeyException madeByAnother) {
        // locked below like any other
      }
      found = selectForUpdate.get();
    }
    return found.get(0);
  }
}
