package io.baton.memory;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes memory entries whose key's time to live ran out, every {@code
 * baton.memory.sweep-interval}.
 */
@Component
class MemorySweep {

  private static final Logger LOG = LoggerFactory.getLogger(MemorySweep.class);

  private final JdbcMemoryStore store;

  MemorySweep(JdbcMemoryStore store) {
    this.store = store;
  }

  @Scheduled(
      fixedDelayString = "${baton.memory.sweep-interval:PT1H}",
      initialDelayString = "${baton.memory.sweep-interval:PT1H}")
  void sweep() {
    int removed = store.sweep(Instant.now());
    if (removed > 0) {
      LOG.info("removed {} long-term memory entries past their time to live", removed);
    }
  }
}
