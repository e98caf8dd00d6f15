package io.baton.models;

import io.baton.tracing.CaseRef;
import io.baton.tracing.GenAiAttributes;
import io.baton.tracing.GenAiTracing;
import io.opentelemetry.api.trace.Span;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@code chat {model}} span around each call of a recorded model, with the GenAI attributes and
 * the case it belongs to; a child of the task span when a worker makes the call. The span covers
 * what the caller waits for: the budget check, the provider call and its audit record.
 */
final class TracedModel implements AsyncModel {

  private final AsyncModel delegate;
  private final String requestModel;
  private final GenAiTracing tracing;

  TracedModel(AsyncModel delegate, ModelSettings settings, GenAiTracing tracing) {
    this.delegate = delegate;
    this.requestModel =
        settings.modelName() == null || settings.modelName().isBlank()
            ? delegate.name()
            : settings.modelName();
    this.tracing = tracing;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public String provider() {
    return delegate.provider();
  }

  @Override
  public boolean generative() {
    return delegate.generative();
  }

  @Override
  public CompletionStage<Classification> classifyAsync(ModelTask.Classify task, Executor executor) {
    return traced(
        "classify",
        task,
        () -> delegate.classifyAsync(task, executor),
        Classification::usage,
        Classification::prompt);
  }

  @Override
  public CompletionStage<Draft> draftAsync(ModelTask.DraftReply task, Executor executor) {
    return traced(
        "draft", task, () -> delegate.draftAsync(task, executor), Draft::usage, Draft::prompt);
  }

  @Override
  public CompletionStage<Extraction> extractAsync(ModelTask.Extract task, Executor executor) {
    return traced(
        "extract",
        task,
        () -> delegate.extractAsync(task, executor),
        Extraction::usage,
        Extraction::prompt);
  }

  @Override
  public CompletionStage<Answer> askAsync(ModelTask.Ask task, Executor executor) {
    return traced(
        "ask", task, () -> delegate.askAsync(task, executor), Answer::usage, Answer::prompt);
  }

  private <T> CompletionStage<T> traced(
      String kind,
      ModelTask task,
      Supplier<CompletionStage<T>> call,
      Function<T, Usage> usage,
      Function<T, PromptRef> prompt) {
    CallSite site = task.site() == null ? CallSite.NONE : task.site();
    return tracing.chat(
        new GenAiTracing.Chat(name(), provider(), requestModel, kind),
        new CaseRef(null, site.processInstanceId(), site.activityId(), site.taskId()),
        call,
        (span, answer) -> describe(span, usage.apply(answer), prompt.apply(answer)),
        (span, failure) -> {
          // an unusable answer was still answered: its tokens were spent
          if (failure instanceof ModelOutputException unusable) {
            describe(span, unusable.usage(), unusable.prompt());
          }
        });
  }

  @Override
  public CompletionStage<AgentTurn> converseAsync(ModelTask.Converse task, Executor executor) {
    return traced(
        "converse",
        task,
        () -> delegate.converseAsync(task, executor),
        AgentTurn::usage,
        AgentTurn::prompt);
  }

  private static void describe(Span span, Usage usage, PromptRef prompt) {
    if (usage != null) {
      GenAiTracing.usage(span, usage.inputTokens(), usage.outputTokens());
    }
    if (prompt != null) {
      span.setAttribute(GenAiAttributes.PROMPT_ID, prompt.id());
      span.setAttribute(GenAiAttributes.PROMPT_VERSION, (long) prompt.version());
    }
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
