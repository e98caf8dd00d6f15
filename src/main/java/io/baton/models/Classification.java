package io.baton.models;

import java.util.List;

/**
 * The label a model chose, how sure it is (0..1) and why: the examples nearest to the text.
 *
 * @param nearest the closest examples, most similar first
 */
public record Classification(String label, double confidence, List<ScoredExample> nearest) {

  public Classification {
    nearest = List.copyOf(nearest);
  }

  /** One labelled example and its cosine similarity to the classified text. */
  public record ScoredExample(String label, String text, double similarity) {}
}
