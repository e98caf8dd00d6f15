package io.baton.models.policy;

import io.baton.models.AgentTurn;
import io.baton.models.Answer;
import io.baton.models.AsyncModel;
import io.baton.models.Classification;
import io.baton.models.Completions;
import io.baton.models.Draft;
import io.baton.models.Extraction;
import io.baton.models.JsonSchemaCheck;
import io.baton.models.Model;
import io.baton.models.ModelNotGenerativeException;
import io.baton.models.ModelOutputException;
import io.baton.models.ModelTask;
import io.baton.models.ModelUnavailableException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cheap-first cascade: asks the cheapest model first and the next, better one only when the
 * answer is not good enough: a classification below {@code minConfidence}, an extraction that does
 * not match its schema, an answer that is not the JSON asked for, or no answer at all. The last
 * model's answer is taken as it is, for the connector to check.
 */
public final class CascadeModel implements AsyncModel {

  private static final Logger log = LoggerFactory.getLogger(CascadeModel.class);

  private final String name;
  private final List<Model> tiers;
  private final double minConfidence;

  public CascadeModel(String name, List<Model> tiers, double minConfidence) {
    this.name = name;
    this.tiers = List.copyOf(tiers);
    this.minConfidence = minConfidence;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String provider() {
    return "cascade";
  }

  @Override
  public boolean generative() {
    return tiers.stream().anyMatch(Model::generative);
  }

  @Override
  public CompletionStage<Classification> classifyAsync(ModelTask.Classify task, Executor executor) {
    return escalate(
        model -> model.classifyAsync(task, executor), c -> c.confidence() >= minConfidence);
  }

  @Override
  public CompletionStage<Draft> draftAsync(ModelTask.DraftReply task, Executor executor) {
    return escalate(model -> model.draftAsync(task, executor), draft -> true);
  }

  @Override
  public CompletionStage<Extraction> extractAsync(ModelTask.Extract task, Executor executor) {
    return escalate(
        model -> model.extractAsync(task, executor),
        e -> JsonSchemaCheck.problems(e.json(), task.jsonSchema()).isEmpty());
  }

  @Override
  public CompletionStage<Answer> askAsync(ModelTask.Ask task, Executor executor) {
    return escalate(
        model -> model.askAsync(task, executor),
        answer -> !task.prompt().json() || JsonSchemaCheck.problems(answer.text(), "{}").isEmpty());
  }

  /**
   * Each turn of an agent goes up the cascade like an answer: a tier that cannot take it passes.
   */
  @Override
  public CompletionStage<AgentTurn> converseAsync(ModelTask.Converse task, Executor executor) {
    return escalate(model -> model.converseAsync(task, executor), turn -> true);
  }

  private <T> CompletionStage<T> escalate(
      Function<Model, CompletionStage<T>> call, Predicate<T> goodEnough) {
    if (tiers.isEmpty()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("cascade '" + name + "' has no models"));
    }
    return askFrom(0, call, goodEnough);
  }

  private <T> CompletionStage<T> askFrom(
      int index, Function<Model, CompletionStage<T>> call, Predicate<T> goodEnough) {
    Model tier = tiers.get(index);
    boolean last = index == tiers.size() - 1;
    return Completions.attempt(() -> call.apply(tier))
        .handle(
            (result, error) -> {
              if (error == null) {
                if (last || goodEnough.test(result)) {
                  return CompletableFuture.completedFuture(result);
                }
                log.info(
                    "cascade '{}': answer of '{}' not good enough, asking the next model",
                    name,
                    tier.name());
                return askFrom(index + 1, call, goodEnough);
              }
              Throwable cause = Completions.cause(error);
              boolean noAnswer =
                  cause instanceof ModelUnavailableException
                      || cause instanceof ModelOutputException
                      || cause instanceof ModelNotGenerativeException;
              if (last || !noAnswer) {
                return CompletableFuture.<T>failedFuture(cause);
              }
              log.info(
                  "cascade '{}': '{}' did not answer ({}), asking the next model",
                  name,
                  tier.name(),
                  cause.getMessage());
              return askFrom(index + 1, call, goodEnough);
            })
        .thenCompose(Function.identity());
  }
}
