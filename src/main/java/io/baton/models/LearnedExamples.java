package io.baton.models;

import java.util.List;

/**
 * The labelled examples reviewers taught a label set by correcting classifications, which the
 * {@code local} model uses beside the shipped examples: read from the engine's database when the
 * connectors run in the engine application, through the engine's REST API in a standalone worker.
 */
public interface LearnedExamples {

  /** No learned examples: the model classifies by the shipped examples alone. */
  LearnedExamples NONE = labelSet -> List.of();

  /** The examples learned for the label set, newest first; empty when there are none. */
  List<LearnedExample> of(String labelSet);

  /**
   * One learned example.
   *
   * @param id the example's key, which is what a classification shows of it: its text is another
   *     case's message
   */
  record LearnedExample(long id, String label, String text) {}
}
