package io.baton.models;

import java.util.List;

/**
 * The label a model chose, how sure it is (0..1) and why.
 *
 * @param rationale the model's own words, or null when the model cannot explain (the offline model
 *     explains by {@link #nearest})
 * @param nearest the closest labelled examples, most similar first (empty for generative models)
 */
public record Classification(
    String label,
    double confidence,
    String rationale,
    List<ScoredExample> nearest,
    String model,
    Usage usage,
    PromptRef prompt) {

  public Classification {
    nearest = List.copyOf(nearest);
  }

  /** One labelled example and its cosine similarity to the classified text. */
  public record ScoredExample(String label, String text, double similarity) {}
}
