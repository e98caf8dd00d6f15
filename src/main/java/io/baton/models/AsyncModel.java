package io.baton.models;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A model whose calls are asynchronous at heart (a remote provider, or a policy over models): the
 * synchronous forms run the asynchronous ones on the caller's thread and wait for them.
 */
public interface AsyncModel extends Model {

  @Override
  CompletionStage<Classification> classifyAsync(ModelTask.Classify task, Executor executor);

  @Override
  CompletionStage<Draft> draftAsync(ModelTask.DraftReply task, Executor executor);

  @Override
  CompletionStage<Extraction> extractAsync(ModelTask.Extract task, Executor executor);

  @Override
  CompletionStage<Answer> askAsync(ModelTask.Ask task, Executor executor);

  @Override
  CompletionStage<AgentTurn> converseAsync(ModelTask.Converse task, Executor executor);

  @Override
  default AgentTurn converse(ModelTask.Converse task) {
    return Completions.join(converseAsync(task, Completions.CALLER));
  }

  @Override
  default Classification classify(ModelTask.Classify task) {
    return Completions.join(classifyAsync(task, Completions.CALLER));
  }

  @Override
  default Draft draft(ModelTask.DraftReply task) {
    return Completions.join(draftAsync(task, Completions.CALLER));
  }

  @Override
  default Extraction extract(ModelTask.Extract task) {
    return Completions.join(extractAsync(task, Completions.CALLER));
  }

  @Override
  default Answer ask(ModelTask.Ask task) {
    return Completions.join(askAsync(task, Completions.CALLER));
  }
}
