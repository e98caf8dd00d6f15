package io.baton.payloads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a process holds instead of a large value: a JSON object {@code {"batonPayload": id, "kind":
 * "text"|"json", "bytes": n, "sha256": hex}}. The hash lets an auditor and the routing facts bind
 * the content without holding it.
 *
 * @param kind {@code text} for a string, {@code json} for an object, a list or another JSON value
 */
public record PayloadRef(String id, String kind, long bytes, String sha256) {

  /** The key that marks a JSON object as a reference. */
  public static final String KEY = "batonPayload";

  public static final String TEXT = "text";
  public static final String JSON = "json";

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(KEY, id);
    map.put("kind", kind);
    map.put("bytes", bytes);
    map.put("sha256", sha256);
    return map;
  }

  /** The reference a value (a map read from JSON) holds, if it is one. */
  public static Optional<PayloadRef> of(Map<?, ?> value) {
    if (value == null
        || !(value.get(KEY) instanceof String id)
        || !(value.get("kind") instanceof String kind)
        || !(TEXT.equals(kind) || JSON.equals(kind))) {
      return Optional.empty();
    }
    long bytes = value.get("bytes") instanceof Number n ? n.longValue() : -1;
    return Optional.of(new PayloadRef(id, kind, bytes, String.valueOf(value.get("sha256"))));
  }
}
