package io.baton.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The variables an event gives its case: each top-level field of its data (objects and arrays as
 * JSON values, text, numbers and booleans as they are), and {@code eventId}, {@code eventType},
 * {@code eventSource} and {@code eventTime}. A data field with one of those four names is refused
 * rather than overwritten.
 */
public final class EventVariables {

  static final Set<String> FROM_ATTRIBUTES =
      Set.of("eventId", "eventType", "eventSource", "eventTime");

  /** What the engine stores as text in one variable row. */
  static final int MAX_TEXT = 4000;

  private EventVariables() {}

  public static VariableMap of(IncomingEvent event) {
    VariableMap variables = Variables.createVariables();
    Iterator<Map.Entry<String, JsonNode>> fields = event.data().fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (FROM_ATTRIBUTES.contains(field.getKey())) {
        throw new EventRefusedException(
            "the data of %s has a field '%s'; Baton sets that variable from the event's attributes: rename the field"
                .formatted(event.describe(), field.getKey()));
      }
      variables.put(field.getKey(), value(event, field.getKey(), field.getValue()));
    }
    variables.put("eventId", event.id());
    variables.put("eventType", event.type());
    variables.put("eventSource", event.source());
    variables.put("eventTime", event.time() == null ? null : Date.from(event.time().toInstant()));
    return variables;
  }

  private static Object value(IncomingEvent event, String name, JsonNode node) {
    if (node.isContainerNode()) {
      return SpinValues.jsonValue(node.toString()).create();
    }
    if (node.isTextual()) {
      if (node.asText().length() > MAX_TEXT) {
        throw new EventRefusedException(
            "the data field '%s' of %s is %d characters long; a text variable holds at most %d: send it as an object or a reference"
                .formatted(name, event.describe(), node.asText().length(), MAX_TEXT));
      }
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isInt()) {
      return node.intValue();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return null;
  }
}
