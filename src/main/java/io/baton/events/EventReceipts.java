package io.baton.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code baton_event_receipt}: one per event taken, keyed by its source and id. They
 * are written inside the transaction that starts or correlates, so a failed start leaves none.
 */
@Repository
class EventReceipts {

  static final int MAX_SOURCE = 500;
  static final int MAX_ID = 255;

  private final JdbcTemplate jdbc;

  EventReceipts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims the event; throws {@link DuplicateKeyException} when another delivery has it (that
   * delivery's transaction may still be running).
   */
  void claim(IncomingEvent event) {
    jdbc.update(
        "INSERT INTO baton_event_receipt (source, event_id, type, received_at) VALUES (?, ?, ?, ?)",
        event.source(),
        event.id(),
        event.type(),
        Timestamp.from(Instant.now()));
  }

  void complete(IncomingEvent event, String processInstanceId) {
    jdbc.update(
        "UPDATE baton_event_receipt SET process_instance_id = ? WHERE source = ? AND event_id = ?",
        processInstanceId,
        event.source(),
        event.id());
  }

  /** The case a taken event started or continued; empty while no delivery of it has committed. */
  Optional<String> processInstanceOf(IncomingEvent event) {
    return jdbc
        .queryForList(
            "SELECT process_instance_id FROM baton_event_receipt WHERE source = ? AND event_id = ?",
            String.class,
            event.source(),
            event.id())
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }
}
