package io.baton.connectors.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.baton.connectors.ActionDigest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Input of the {@code kafka-publish} tool.
 *
 * @param topic the Kafka topic; it must be on {@code baton.tools.kafka.topics}
 * @param key the record key, optional
 * @param value the record's value, any JSON value, sent as JSON. A process variable of type Json
 *     reaches the worker as its text: a text that holds a JSON object or array is read as that
 *     JSON, so the engine (which approves) and the worker (which acts) see the same value
 * @param headers record headers, optional; {@value KafkaPublishFunction#KEY_HEADER} is Baton's
 */
public record KafkaPublishRequest(
    @NotBlank @Size(max = 249) String topic,
    @Size(max = 1000) String key,
    @NotNull JsonNode value,
    Map<String, String> headers) {

  public KafkaPublishRequest {
    if (value instanceof NullNode) {
      value = null;
    } else if (value != null && value.isTextual() && looksLikeJson(value.asText())) {
      try {
        value = ActionDigest.readJson(value.asText());
      } catch (IllegalArgumentException notJson) {
        // plain text that merely starts with a bracket: sent as a JSON string
      }
    }
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  private static boolean looksLikeJson(String text) {
    String trimmed = text.strip();
    return trimmed.startsWith("{") || trimmed.startsWith("[");
  }
}
