package io.baton.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads CloudEvents with the CloudEvents SDK: structured mode ({@code
 * application/cloudevents+json}, the event is the JSON), a batch ({@code
 * application/cloudevents-batch+json}, a JSON array of them) and binary mode ({@code ce_*}
 * attributes beside the data, as Kafka headers carry them). Anything else is refused with a reason
 * that names what is wrong.
 */
public final class CloudEventReader {

  static final List<String> REQUIRED = List.of("specversion", "id", "source", "type");

  private static final JsonFormat FORMAT = new JsonFormat();

  private final ObjectMapper json;

  public CloudEventReader(ObjectMapper json) {
    this.json = json;
  }

  /** One event in structured mode. */
  public IncomingEvent structured(byte[] body) {
    JsonNode tree = readJson(body, "the event");
    if (!tree.isObject()) {
      throw new EventRefusedException(
          "the event is a JSON %s, not a CloudEvent: structured mode sends one JSON object"
              .formatted(tree.getNodeType().name().toLowerCase()));
    }
    return structured((ObjectNode) tree);
  }

  /**
   * A batch: each element is read on its own, so one bad event does not refuse the others; a body
   * that is not a JSON array is refused as a whole.
   */
  public List<Read> batch(byte[] body) {
    JsonNode tree = readJson(body, "the batch");
    if (!tree.isArray()) {
      throw new EventRefusedException(
          "a batch (application/cloudevents-batch+json) is a JSON array of CloudEvents, not a "
              + tree.getNodeType().name().toLowerCase());
    }
    List<Read> events = new ArrayList<>();
    for (JsonNode element : tree) {
      try {
        if (!element.isObject()) {
          throw new EventRefusedException("a batch element is not a JSON object");
        }
        events.add(Read.of(structured((ObjectNode) element)));
      } catch (EventRefusedException e) {
        events.add(Read.refused(element.path("id").asText(null), e.getMessage()));
      }
    }
    return events;
  }

  /**
   * One event in binary mode: the attributes by name without the {@code ce_} prefix ({@code id},
   * {@code source}, ...), the content type of the data and the data.
   */
  public IncomingEvent binary(Map<String, String> attributes, String contentType, byte[] data) {
    List<String> missing = REQUIRED.stream().filter(name -> blank(attributes.get(name))).toList();
    if (!missing.isEmpty()) {
      throw missing(missing);
    }
    CloudEvent event;
    try {
      CloudEventBuilder builder =
          CloudEventBuilder.fromSpecVersion(SpecVersion.parse(attributes.get("specversion")))
              .withId(attributes.get("id"))
              .withSource(java.net.URI.create(attributes.get("source")))
              .withType(attributes.get("type"));
      if (!blank(attributes.get("time"))) {
        builder.withTime(OffsetDateTime.parse(attributes.get("time")));
      }
      event = builder.withData(contentType, data).build();
    } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException e) {
      throw new EventRefusedException("the event is not a valid CloudEvent: " + e.getMessage());
    }
    return of(event, contentType);
  }

  private IncomingEvent structured(ObjectNode tree) {
    List<String> missing =
        REQUIRED.stream()
            .filter(name -> !tree.path(name).isTextual() || tree.path(name).asText().isBlank())
            .toList();
    if (!missing.isEmpty()) {
      throw missing(missing);
    }
    CloudEvent event;
    try {
      event = FORMAT.deserialize(json.writeValueAsBytes(tree));
    } catch (RuntimeException | JsonProcessingException e) {
      throw new EventRefusedException(
          "the event is not a valid CloudEvent: " + firstLine(rootMessage(e)));
    }
    return of(event, event.getDataContentType());
  }

  private IncomingEvent of(CloudEvent event, String contentType) {
    if (contentType != null && !contentType.toLowerCase().contains("json")) {
      throw new EventRefusedException(
          "the event's data is %s; Baton takes data that is a JSON object (datacontenttype application/json)"
              .formatted(contentType));
    }
    if (event.getData() == null) {
      throw new EventRefusedException("the event has no data; its data must be a JSON object");
    }
    JsonNode data = readJson(event.getData().toBytes(), "the event's data");
    if (!data.isObject()) {
      throw new EventRefusedException(
          "the event's data is a JSON %s; it must be a JSON object, whose fields become the case's variables"
              .formatted(data.getNodeType().name().toLowerCase()));
    }
    return new IncomingEvent(
        event.getId(),
        event.getSource().toString(),
        event.getType(),
        event.getTime(),
        (ObjectNode) data);
  }

  private JsonNode readJson(byte[] bytes, String what) {
    if (bytes == null || bytes.length == 0) {
      throw new EventRefusedException(what + " is empty");
    }
    try {
      JsonNode tree = json.readTree(bytes);
      if (tree == null || tree.isMissingNode()) {
        throw new EventRefusedException(what + " is empty");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new EventRefusedException(what + " is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new EventRefusedException(what + " could not be read: " + e.getMessage());
    }
  }

  private static EventRefusedException missing(List<String> missing) {
    return new EventRefusedException(
        "the event is not a CloudEvent: it has no %s (a CloudEvent needs specversion, id, source and type)"
            .formatted(String.join(", ", missing)));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse(text);
  }

  /** One element of a batch: read, or refused with its reason. */
  public record Read(IncomingEvent event, String id, String refusal) {
    static Read of(IncomingEvent event) {
      return new Read(event, event.id(), null);
    }

    static Read refused(String id, String reason) {
      return new Read(null, id, reason);
    }
  }
}
