package io.baton.memory.payloads;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes expired payloads of ended cases, every {@code baton.payloads.sweep-every}. */
@Component
class PayloadSweep {

  private static final Logger LOG = LoggerFactory.getLogger(PayloadSweep.class);

  private final JdbcPayloadStore store;

  PayloadSweep(JdbcPayloadStore store) {
    this.store = store;
  }

  @Scheduled(
      fixedDelayString = "${baton.payloads.sweep-every:PT1H}",
      initialDelayString = "${baton.payloads.sweep-every:PT1H}")
  void sweep() {
    int deleted = store.deleteExpired(Instant.now());
    if (deleted > 0) {
      LOG.info("deleted {} expired payloads", deleted);
    }
  }
}
