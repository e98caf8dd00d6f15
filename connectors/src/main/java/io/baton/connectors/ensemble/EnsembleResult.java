package io.baton.connectors.ensemble;

import java.util.List;

/**
 * Output of the {@code ensemble} connector, shaped like {@code classify}'s so it can take its place
 * in a diagram, plus the votes and how much the models disagreed.
 *
 * @param confidence the share of answering models that chose the label, times their mean confidence
 * @param disagreement 0 when all answering models agree, up to 1 - 1/n when all differ
 */
public record EnsembleResult(
    String intent,
    double confidence,
    String risk,
    double disagreement,
    List<Vote> votes,
    String rationale,
    String aiModel,
    String taskType) {

  /** One model's answer; a model that could not answer has a null label and its reason. */
  public record Vote(String model, String label, Double confidence, String failure) {}
}
