package io.baton.models;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A named model that connectors call. Connectors never see langchain4j: providers adapt their
 * clients to this interface, and the registry wraps every provider's model so each call is audited,
 * measured and guarded by the provider's circuit breaker in one place.
 *
 * <p>Each call has an asynchronous form for connectors that must not hold a thread while a remote
 * model thinks. Its {@code executor} is where blocking follow-up work (the audit record) runs; the
 * defaults run the synchronous call there, which suits models that compute in-process.
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

  /**
   * Takes one turn of an agent conversation: tool calls, or a final answer.
   *
   * @throws ModelNotGenerativeException when the model cannot write text or call tools
   */
  default AgentTurn converse(ModelTask.Converse task) {
    throw new ModelNotGenerativeException(name(), "take the turn of an agent");
  }

  /**
   * The most tokens the prompt of {@code task} can count when it is sent, so that a priced call's
   * worst-case cost can be reserved before it is made. A model that cannot tell cannot be priced.
   */
  default long promptTokenBound(ModelTask task) {
    throw new IllegalStateException(
        "model '%s' cannot bound the tokens of its prompts, so it cannot have a price: a call's worst-case cost could not be reserved"
            .formatted(name()));
  }

  default CompletionStage<Classification> classifyAsync(
      ModelTask.Classify task, Executor executor) {
    return CompletableFuture.supplyAsync(() -> classify(task), executor);
  }

  default CompletionStage<Draft> draftAsync(ModelTask.DraftReply task, Executor executor) {
    return CompletableFuture.supplyAsync(() -> draft(task), executor);
  }

  default CompletionStage<Extraction> extractAsync(ModelTask.Extract task, Executor executor) {
    return CompletableFuture.supplyAsync(() -> extract(task), executor);
  }

  default CompletionStage<Answer> askAsync(ModelTask.Ask task, Executor executor) {
    return CompletableFuture.supplyAsync(() -> ask(task), executor);
  }

  default CompletionStage<AgentTurn> converseAsync(ModelTask.Converse task, Executor executor) {
    return CompletableFuture.supplyAsync(() -> converse(task), executor);
  }

  default Classification classify(String text, List<LabelExamples> labels) {
    return classify(new ModelTask.Classify(text, labels, CallSite.NONE));
  }

  default Draft draft(String text, List<String> candidates) {
    return draft(new ModelTask.DraftReply(text, candidates, CallSite.NONE));
  }
}
