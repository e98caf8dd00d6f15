package io.baton.budgets;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes the reservations of calls that were never reported within {@code
 * baton.budgets.reservation-timeout}, each in a transaction of its own, so a dead worker does not
 * hold a budget forever.
 */
@Component
class ExpiredReservations {

  private static final Logger LOG = LoggerFactory.getLogger(ExpiredReservations.class);
  private static final int BATCH = 100;

  private final BudgetLedger ledger;

  ExpiredReservations(BudgetLedger ledger) {
    this.ledger = ledger;
  }

  @Scheduled(fixedDelayString = "${baton.budgets.expiry-check:PT30S}")
  void closeExpired() {
    for (String callId : ledger.expired(Instant.now(), BATCH)) {
      ledger.expire(callId);
      LOG.warn(
          "budget reservation of model call {} ran out unreported: counted at its worst case",
          callId);
    }
  }
}
