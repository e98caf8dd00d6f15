package io.baton.models.policy;

import io.baton.models.AgentTurn;
import io.baton.models.Answer;
import io.baton.models.AsyncModel;
import io.baton.models.BudgetExceededException;
import io.baton.models.Classification;
import io.baton.models.Completions;
import io.baton.models.Draft;
import io.baton.models.Extraction;
import io.baton.models.Model;
import io.baton.models.ModelNotGenerativeException;
import io.baton.models.ModelTask;
import io.baton.models.ModelUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fallback chain: asks its models in order and takes the first answer; a model that is
 * unavailable (timeout, server error, rate limit, open circuit) hands the task to the next one. The
 * last tier is usually the offline {@code local} model.
 */
public final class FallbackModel implements AsyncModel {

  private static final Logger log = LoggerFactory.getLogger(FallbackModel.class);

  private final String name;
  private final List<Model> tiers;

  public FallbackModel(String name, List<Model> tiers) {
    this.name = name;
    this.tiers = List.copyOf(tiers);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String provider() {
    return "fallback";
  }

  @Override
  public boolean generative() {
    return tiers.stream().anyMatch(Model::generative);
  }

  @Override
  public CompletionStage<Classification> classifyAsync(ModelTask.Classify task, Executor executor) {
    return first(model -> model.classifyAsync(task, executor));
  }

  @Override
  public CompletionStage<Draft> draftAsync(ModelTask.DraftReply task, Executor executor) {
    return first(model -> model.draftAsync(task, executor));
  }

  @Override
  public CompletionStage<Extraction> extractAsync(ModelTask.Extract task, Executor executor) {
    return first(model -> model.extractAsync(task, executor));
  }

  @Override
  public CompletionStage<Answer> askAsync(ModelTask.Ask task, Executor executor) {
    return first(model -> model.askAsync(task, executor));
  }

  @Override
  public CompletionStage<AgentTurn> converseAsync(ModelTask.Converse task, Executor executor) {
    return first(model -> model.converseAsync(task, executor));
  }

  private <T> CompletionStage<T> first(Function<Model, CompletionStage<T>> call) {
    return tryFrom(0, call, new ArrayList<>(), null, true);
  }

  private <T> CompletionStage<T> tryFrom(
      int index,
      Function<Model, CompletionStage<T>> call,
      List<String> reasons,
      ModelUnavailableException last,
      boolean budgetOnly) {
    if (index == tiers.size()) {
      String why =
          "no model of fallback chain '%s' could answer: %s"
              .formatted(name, String.join("; ", reasons));
      // when every model that could answer was refused for the case's budget, trying again later
      // will not help: the diagram's BUDGET_EXCEEDED path will
      boolean overBudget = last instanceof BudgetExceededException && budgetOnly;
      return CompletableFuture.failedFuture(
          overBudget
              ? new BudgetExceededException(why)
              : new ModelUnavailableException(why, last == null ? null : last.retryAfter(), last));
    }
    Model tier = tiers.get(index);
    return Completions.attempt(() -> call.apply(tier))
        .handle(
            (result, error) -> {
              if (error == null) {
                return CompletableFuture.completedFuture(result);
              }
              Throwable cause = Completions.cause(error);
              if (cause instanceof ModelUnavailableException unavailable) {
                log.warn(
                    "model '{}' unavailable, '{}' tries the next one: {}",
                    tier.name(),
                    name,
                    unavailable.getMessage());
                reasons.add(unavailable.getMessage());
                return tryFrom(
                    index + 1,
                    call,
                    reasons,
                    unavailable,
                    budgetOnly && unavailable instanceof BudgetExceededException);
              }
              if (cause instanceof ModelNotGenerativeException notGenerative) {
                reasons.add(notGenerative.getMessage());
                return tryFrom(index + 1, call, reasons, last, budgetOnly);
              }
              return CompletableFuture.<T>failedFuture(cause);
            })
        .thenCompose(Function.identity());
  }
}
