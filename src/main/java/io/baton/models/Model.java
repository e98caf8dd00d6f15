package io.baton.models;

import java.util.List;

/** A named model that connectors call. Providers implement it; connectors never see langchain4j. */
public interface Model {

  String name();

  String provider();

  /**
   * Whether the model writes new text. The offline {@code local} model does not: it classifies by
   * similarity and drafts by choosing among given templates, and says so.
   */
  boolean generative();

  /** Picks the label whose examples the text is most like. */
  Classification classify(String text, List<LabelExamples> labels);

  /** Drafts a reply to the text from the given candidate replies. */
  Draft draft(String text, List<String> candidateReplies);
}
