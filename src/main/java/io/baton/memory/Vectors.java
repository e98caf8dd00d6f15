package io.baton.memory;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * An embedding as the memory table keeps it: one signed byte per dimension, scaled so the largest
 * component is 127. Cosine similarity does not depend on a vector's length, so the scale is not
 * kept; a quarter of the bytes of floats makes a recall read a quarter as much, and the similarity
 * moves by well under 0.01. Or pgvector's text form.
 */
final class Vectors {

  private Vectors() {}

  static byte[] bytes(float[] vector) {
    float largest = 0;
    for (float value : vector) {
      largest = Math.max(largest, Math.abs(value));
    }
    byte[] bytes = new byte[vector.length];
    if (largest > 0) {
      for (int i = 0; i < vector.length; i++) {
        bytes[i] = (byte) Math.round(vector[i] / largest * 127);
      }
    }
    return bytes;
  }

  /** The stored vector, as long as its largest component is 127. */
  static float[] floats(byte[] bytes) {
    float[] vector = new float[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      vector[i] = bytes[i];
    }
    return vector;
  }

  /** {@code [0.1,0.2,...]}, which PostgreSQL casts to {@code vector}. */
  static String pgvector(float[] vector) {
    StringJoiner text = new StringJoiner(",", "[", "]");
    for (float value : vector) {
      text.add(String.format(Locale.ROOT, "%s", value));
    }
    return text.toString();
  }
}
