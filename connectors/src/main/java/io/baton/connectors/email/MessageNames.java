package io.baton.connectors.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An idempotency key made safe for a file name and a Message-ID: letters, digits, '_' and '-' stay,
 * anything else becomes '_'. When that changed the key, a short hash of the key itself is appended,
 * so two keys never share a name.
 */
final class MessageNames {

  private static final int MAX_LENGTH = 120;

  private MessageNames() {}

  static String of(String key) {
    String safe = key.replaceAll("[^A-Za-z0-9_-]", "_");
    if (safe.equals(key) && !safe.isEmpty() && safe.length() <= MAX_LENGTH) {
      return safe;
    }
    String readable =
        safe.isEmpty() ? "key" : safe.substring(0, Math.min(safe.length(), MAX_LENGTH));
    return readable + "." + hash(key);
  }

  /** {@code <name@baton>}. */
  static String messageId(String name) {
    return "<" + name + "@baton>";
  }

  private static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
