package io.baton.models;

import java.util.List;

/**
 * Turns text into vectors whose cosine similarity says how alike two texts are in meaning. The
 * embedded default is the offline all-MiniLM-L6-v2 model of the {@code local} provider.
 */
public interface Embeddings {

  float[] vector(String text);

  /** The vectors of several texts, in their order; a provider may embed them in one batch. */
  default List<float[]> vectors(List<String> texts) {
    return texts.stream().map(this::vector).toList();
  }

  /** Cosine similarity of two vectors of the same model: 1 alike, about 0 unrelated. */
  static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors of different length: %d and %d".formatted(a.length, b.length));
    }
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      normA += a[i] * a[i];
      normB += b[i] * b[i];
    }
    return normA == 0 || normB == 0 ? 0 : dot / (Math.sqrt(normA) * Math.sqrt(normB));
  }
}
