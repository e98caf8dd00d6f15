package io.baton.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;

/**
 * A CloudEvent Baton takes: its identity ({@code source} + {@code id}), its {@code type}, its
 * {@code time} if it has one, and its data, which is a JSON object.
 */
public record IncomingEvent(
    String id, String source, String type, OffsetDateTime time, ObjectNode data) {

  /** {@code id from source}, for messages and logs. */
  public String describe() {
    return "event %s from %s".formatted(id, source);
  }
}
