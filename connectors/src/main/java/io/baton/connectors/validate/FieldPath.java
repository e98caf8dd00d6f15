package io.baton.connectors.validate;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A field of a JSON document named the way an analyst writes it: {@code amount}, {@code
 * customer.name}, {@code items.0.sku}, or a JSON pointer such as {@code /customer/name}.
 */
final class FieldPath {

  private FieldPath() {}

  static JsonNode find(JsonNode document, String field) {
    if (field.startsWith("/")) {
      try {
        return document.at(JsonPointer.compile(field));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("field '%s' is not a JSON pointer".formatted(field), e);
      }
    }
    JsonNode node = document;
    for (String name : field.split("\\.")) {
      node =
          node.isArray() && name.matches("\\d{1,9}")
              ? node.path(Integer.parseInt(name))
              : node.path(name);
    }
    return node;
  }

  /** Missing, {@code null}, a blank string, or an empty array or object. */
  static boolean isEmpty(JsonNode node) {
    return node.isMissingNode()
        || node.isNull()
        || node.isTextual() && node.asText().isBlank()
        || node.isContainerNode() && node.isEmpty();
  }
}
