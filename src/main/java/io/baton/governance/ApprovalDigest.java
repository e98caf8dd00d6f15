package io.baton.governance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SHA-256 digest of the exact arguments of an action. An approval records it; before the action
 * runs, the digest of its current arguments must still match, or approval is needed again.
 */
public final class ApprovalDigest {

  private ApprovalDigest() {}

  public static String of(Map<String, ?> arguments) {
    StringBuilder canonical = new StringBuilder();
    new TreeMap<>(arguments)
        .forEach(
            (name, value) -> {
              String text = String.valueOf(value);
              canonical
                  .append(name)
                  .append('=')
                  .append(text.length())
                  .append(':')
                  .append(text)
                  .append('\n');
            });
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
