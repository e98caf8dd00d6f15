package io.baton.payloads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for large values, on either side of the engine: a value whose JSON is over the
 * inline limit (or a text longer than the engine's String variables hold) is stored and replaced by
 * its {@link PayloadRef}; one over the hard maximum is refused before anything is stored; a
 * reference reads back as the value it stands for.
 */
public final class Payloads {

  /** The most characters the engine's String variables hold (its TEXT_ columns). */
  public static final int MAX_STRING = 4000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PayloadStore store;
  private final long inlineLimit;
  private final long maxSize;

  public Payloads(PayloadStore store, PayloadProperties properties) {
    this.store = store;
    this.inlineLimit = properties.inlineLimit().toBytes();
    this.maxSize = properties.maxSize().toBytes();
  }

  /** A value as it would be stored: its kind and its content (the text, or its JSON). */
  public record Content(String kind, String content) {

    public static Content text(String text) {
      return new Content(PayloadRef.TEXT, text);
    }

    public static Content json(String json) {
      return new Content(PayloadRef.JSON, json);
    }

    long bytes() {
      return content.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A text longer than the engine's String variables hold ({@value #MAX_STRING} characters). */
    boolean isLongText() {
      return PayloadRef.TEXT.equals(kind) && content.length() > MAX_STRING;
    }
  }

  /**
   * Stores each value over the inline limit and returns the map with references in their place (the
   * others as they were), in order. Refuses the lot, storing nothing, when one is over the hard
   * maximum.
   *
   * @param contents the variables that may be large, by name, as they would be stored
   */
  public Map<String, PayloadRef> store(String processInstanceId, Map<String, Content> contents) {
    Map<String, Content> large = new LinkedHashMap<>();
    contents.forEach(
        (name, content) -> {
          long bytes = content.bytes();
          if (bytes > maxSize) {
            throw new PayloadTooLargeException(
                "variable '%s' is %,d bytes, over the most Baton keeps (baton.payloads.max-size, %,d bytes): shorten it or raise BATON_PAYLOADS_MAX_SIZE"
                    .formatted(name, bytes, maxSize));
          }
          if (bytes > inlineLimit || content.isLongText()) {
            large.put(name, content);
          }
        });
    Map<String, PayloadRef> references = new LinkedHashMap<>();
    large.forEach(
        (name, content) ->
            references.put(
                name, store.store(processInstanceId, content.kind(), content.content())));
    return references;
  }

  /** The reference a JSON value holds, if it is one. */
  public static Optional<PayloadRef> reference(JsonNode value) {
    if (value == null || !value.isObject() || !value.has(PayloadRef.KEY)) {
      return Optional.empty();
    }
    return PayloadRef.of(JSON.convertValue(value, Map.class));
  }

  /** The reference a JSON text holds, if it is one. */
  public static Optional<PayloadRef> reference(String json) {
    if (json == null || !json.contains(PayloadRef.KEY)) {
      return Optional.empty();
    }
    try {
      return reference(JSON.readTree(json));
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }

  /** The content of a reference, whole: its text, or its JSON as a tree. */
  public JsonNode resolve(PayloadRef reference) {
    String content = store.read(reference.id());
    if (PayloadRef.TEXT.equals(reference.kind())) {
      return JSON.getNodeFactory().textNode(content);
    }
    try {
      return JSON.readTree(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "payload " + reference.id() + " is not the JSON it was stored as", e);
    }
  }

  /** The text of a reference to text, whole; the JSON text of a reference to JSON. */
  public String text(PayloadRef reference) {
    return store.read(reference.id());
  }

  public long inlineLimit() {
    return inlineLimit;
  }
}
