package io.baton.memory;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Long-term memory, {@code baton.memory.*}.
 *
 * @param keys the memory keys processes may name (customer, supplier), each with how long its
 *     entries are kept; {@code remember} and {@code recall} refuse any other key
 * @param vectorSearch {@code auto}: rank by similarity in PostgreSQL with pgvector when the
 *     database has the {@code vector} extension, else in Java; {@code pgvector} requires it; {@code
 *     java} never uses it
 */
@ConfigurationProperties("baton.memory")
public record MemoryProperties(
    @DefaultValue Map<String, Key> keys, @DefaultValue("auto") VectorSearch vectorSearch) {

  public MemoryProperties {
    keys = new TreeMap<>(keys);
    keys.forEach(
        (name, key) -> {
          if (key == null
              || key.timeToLive() == null
              || key.timeToLive().isNegative()
              || key.timeToLive().isZero()) {
            throw new IllegalArgumentException(
                "memory key '%s' needs a positive time-to-live: set baton.memory.keys.%s.time-to-live, e.g. 365d"
                    .formatted(name, name));
          }
        });
  }

  /**
   * @param timeToLive how long an entry under this key is kept before the sweep removes it
   */
  public record Key(Duration timeToLive) {}

  public enum VectorSearch {
    AUTO,
    PGVECTOR,
    JAVA
  }

  /** The settings of a declared key; an unknown key is refused with the keys there are. */
  Key key(String name) {
    Key key = name == null ? null : keys.get(name);
    if (key == null) {
      throw new IllegalArgumentException(
          "unknown memory key '%s': declare it under baton.memory.keys (declared: %s)"
              .formatted(name, String.join(", ", keys.keySet())));
    }
    return key;
  }
}
