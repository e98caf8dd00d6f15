package io.baton.review;

import java.util.OptionalDouble;

/**
 * How often reviewers agreed with one model on one task type.
 *
 * @param approved the AI's answer stood
 * @param corrected the reviewer changed the answer
 * @param rejected the case was refused, which says nothing about the answer
 */
public record ModelAccuracy(int approved, int corrected, int rejected) {

  /** Decisions that tell whether the answer was right: approvals and corrections. */
  public int labelled() {
    return approved + corrected;
  }

  /** Share of labelled decisions where the AI was right; empty without any. */
  public OptionalDouble accuracy() {
    return labelled() == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) approved / labelled());
  }

  /** Share of all decisions where the reviewer let the AI's answer stand. */
  public OptionalDouble agreement() {
    int all = labelled() + rejected;
    return all == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) approved / all);
  }
}
