package io.baton.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.StringJoiner;

/** An embedding as the memory table keeps it: little-endian floats, or pgvector's text form. */
final class Vectors {

  private Vectors() {}

  static byte[] bytes(float[] vector) {
    ByteBuffer buffer =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  static float[] floats(byte[] bytes) {
    float[] vector = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
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
