package io.baton.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Arrays;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * How a trail entry is hashed, the same in the application and in the offline {@link
 * TrailVerifier}: SHA-256 over the UTF-8 bytes of the JSON array {@code [prevHash,
 * processInstanceId, seq, recordedAt, kind, actor, activityId, model, aiGenerated, sourceRef,
 * payloadSha256]}, where {@code recordedAt} is ISO-8601 UTC with milliseconds and {@code
 * payloadSha256} the SHA-256 (hex) of the canonical JSON text of the payload (object keys sorted,
 * numbers as plain decimals, no spaces). Hashing the payload's digest rather than the payload lets
 * an erasure remove a payload without breaking the chain. The first entry of a case follows {@link
 * #GENESIS}.
 */
public final class TrailHash {

  /** The {@code prevHash} of a case's first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .findAndAddModules()
          .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private TrailHash() {}

  /** The canonical JSON text of a payload: stable when read and written again. */
  public static String canonical(Object payload) {
    try {
      JsonNode tree =
          payload instanceof String text
              ? CANONICAL.readTree(text)
              : CANONICAL.valueToTree(payload);
      String once = CANONICAL.writeValueAsString(tree);
      return CANONICAL.writeValueAsString(CANONICAL.readTree(once));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "a trail payload must be JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads JSON the way the hash does: decimals stay exactly as written. */
  static JsonNode readTree(String json) throws JsonProcessingException {
    return CANONICAL.readTree(json);
  }

  /** The SHA-256 of a canonical payload, which the entry's hash covers. */
  public static String digest(String canonicalPayload) {
    return DigestUtils.sha256Hex(canonicalPayload);
  }

  /**
   * The hash a stored or exported entry should carry: of its fields and its {@code payloadSha256}
   * (not of its payload, which an erasure may have removed).
   */
  public static String of(TrailEntry entry) {
    try {
      String line =
          CANONICAL.writeValueAsString(
              Arrays.asList(
                  entry.prevHash(),
                  entry.processInstanceId(),
                  entry.seq(),
                  entry.recordedAt().toString(),
                  entry.kind(),
                  entry.actor(),
                  entry.activityId(),
                  entry.model(),
                  entry.aiGenerated(),
                  entry.sourceRef(),
                  entry.payloadSha256()));
      return DigestUtils.sha256Hex(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
