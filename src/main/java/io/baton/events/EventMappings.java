package io.baton.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.baton.events.EventsProperties.Action;
import io.baton.events.EventsProperties.Mapping;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code baton.events.mappings} by event type. A type mapped twice or a business-key path that is
 * not a JSON path stops the start with a message that names the setting.
 */
public final class EventMappings {

  private static final Configuration JSON_PATH =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .options(Option.SUPPRESS_EXCEPTIONS)
          .build();

  /** The longest business key the engine stores. */
  static final int MAX_BUSINESS_KEY = 255;

  private final Map<String, Compiled> byType = new HashMap<>();

  public EventMappings(Map<String, Mapping> mappings) {
    mappings.forEach(
        (name, mapping) -> {
          Compiled compiled = new Compiled(name, mapping, compile(name, mapping));
          Compiled earlier = byType.put(mapping.type(), compiled);
          if (earlier != null) {
            throw new IllegalStateException(
                "baton.events.mappings.%s and baton.events.mappings.%s both map event type '%s':"
                        .formatted(earlier.name(), name, mapping.type())
                    + " one type starts or correlates one way; remove one of them");
          }
        });
  }

  /** The mapping of the event's type, or a refusal naming the type. */
  public Compiled forType(String type) {
    Compiled compiled = byType.get(type);
    if (compiled == null) {
      throw new EventRefusedException(
          "no mapping for event type '%s': add one under baton.events.mappings (type, message, action, business-key)"
              .formatted(type));
    }
    return compiled;
  }

  public boolean isEmpty() {
    return byType.isEmpty();
  }

  private static JsonPath compile(String name, Mapping mapping) {
    try {
      return JsonPath.compile(mapping.businessKey());
    } catch (InvalidPathException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "baton.events.mappings.%s.business-key '%s' is not a JSON path (like $.shipmentId): %s"
              .formatted(name, mapping.businessKey(), e.getMessage()));
    }
  }

  /** One mapping, its business-key path compiled. */
  public record Compiled(String name, Mapping mapping, JsonPath businessKeyPath) {

    public String message() {
      return mapping.message();
    }

    public Action action() {
      return mapping.action();
    }

    /** The business key in the event's data: one text or number, else a refusal. */
    public String businessKey(IncomingEvent event) {
      JsonNode found = JsonPath.using(JSON_PATH).parse(event.data()).read(businessKeyPath);
      String reason = null;
      if (found == null || found.isNull() || found.isMissingNode()) {
        reason = "finds nothing";
      } else if (found.isArray()) {
        reason = "finds %d values, not one".formatted(found.size());
      } else if (found.isObject()) {
        reason = "finds an object, not a text or a number";
      } else if (found.asText().isBlank()) {
        reason = "finds an empty text";
      } else if (found.asText().length() > MAX_BUSINESS_KEY) {
        reason = "finds a text longer than %d characters".formatted(MAX_BUSINESS_KEY);
      }
      if (reason != null) {
        throw new EventRefusedException(
            "the business key of %s (baton.events.mappings.%s.business-key %s) %s in the event's data"
                .formatted(event.describe(), name, mapping.businessKey(), reason));
      }
      return found.asText();
    }
  }
}
