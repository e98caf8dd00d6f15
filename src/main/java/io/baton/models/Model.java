package io.baton.models;

import java.util.List;

/**
 * A named model that connectors call. Connectors never see langchain4j: providers adapt their
 * clients to this interface, and the registry wraps every provider's model so each call is audited,
 * measured and guarded by the provider's circuit breaker in one place.
 */
public interface Model {

  String name();

  String provider();

  /**
   * Whether the model writes new text. The offline {@code local} model does not: it classifies by
   * similarity, drafts by choosing among given templates, and says so.
   */
  boolean generative();

  Classification classify(ModelTask.Classify task);

  Draft draft(ModelTask.DraftReply task);

  Extraction extract(ModelTask.Extract task);

  /**
   * Answers a free prompt.
   *
   * @throws ModelNotGenerativeException when the model cannot write text
   */
  Answer ask(ModelTask.Ask task);

  default Classification classify(String text, List<LabelExamples> labels) {
    return classify(new ModelTask.Classify(text, labels, CallSite.NONE));
  }

  default Draft draft(String text, List<String> candidates) {
    return draft(new ModelTask.DraftReply(text, candidates, CallSite.NONE));
  }
}
