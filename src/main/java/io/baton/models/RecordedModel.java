package io.baton.models;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Wraps a provider's model with what every call needs once: the provider's circuit breaker, the
 * audit record, and metrics. Providers implement only the calls themselves.
 */
final class RecordedModel implements AsyncModel {

  private final Model delegate;
  private final ModelSettings settings;
  private final CircuitBreaker breaker;
  private final ModelCallLog log;
  private final MeterRegistry meters;

  RecordedModel(
      Model delegate,
      ModelSettings settings,
      CircuitBreaker breaker,
      ModelCallLog log,
      MeterRegistry meters) {
    this.delegate = delegate;
    this.settings = settings;
    this.breaker = breaker;
    this.log = log;
    this.meters = meters;
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
    return call(
        "classify",
        task,
        task.text() + task.labels() + task.context(),
        () -> delegate.classifyAsync(task, executor),
        executor,
        Classification::usage,
        Classification::prompt,
        c -> c.label() + " (confidence " + c.confidence() + "): " + c.rationale());
  }

  @Override
  public CompletionStage<Draft> draftAsync(ModelTask.DraftReply task, Executor executor) {
    return call(
        "draft",
        task,
        task.text() + task.candidates() + task.context(),
        () -> delegate.draftAsync(task, executor),
        executor,
        Draft::usage,
        Draft::prompt,
        Draft::text);
  }

  @Override
  public CompletionStage<Extraction> extractAsync(ModelTask.Extract task, Executor executor) {
    return call(
        "extract",
        task,
        task.text() + task.jsonSchema() + task.problems(),
        () -> delegate.extractAsync(task, executor),
        executor,
        Extraction::usage,
        Extraction::prompt,
        Extraction::json);
  }

  @Override
  public CompletionStage<Answer> askAsync(ModelTask.Ask task, Executor executor) {
    return call(
        "ask",
        task,
        task.prompt().system() + task.prompt().user(),
        () -> delegate.askAsync(task, executor),
        executor,
        Answer::usage,
        Answer::prompt,
        Answer::text);
  }

  @Override
  public CompletionStage<AgentTurn> converseAsync(ModelTask.Converse task, Executor executor) {
    return call(
        "converse",
        task,
        task.prompt().system() + task.prompt().user() + task.messages() + task.tools(),
        () ->
            delegate
                .converseAsync(task, executor)
                .thenApply(turn -> turn.costing(settings.cost(turn.usage()))),
        executor,
        AgentTurn::usage,
        AgentTurn::prompt,
        turn -> turn.isFinal() ? turn.text() : "tool calls: " + turn.toolCalls());
  }

  /**
   * Makes the call once its model's rate window has room for it and its worst-case cost is reserved
   * against the case's budgets, on {@code executor} (both are kept in a database or through an
   * API). Unpriced calls, and calls outside a case, reserve nothing.
   */
  private <T> CompletionStage<T> call(
      String kind,
      ModelTask task,
      String input,
      Supplier<CompletionStage<T>> call,
      Executor executor,
      Function<T, Usage> usage,
      Function<T, PromptRef> prompt,
      Function<T, String> output) {
    String callId = UUID.randomUUID().toString();
    CallSite site = task.site() == null ? CallSite.NONE : task.site();
    boolean budgeted = settings.priced() && site.processInstanceId() != null;
    if (!budgeted && !settings.rateLimited()) {
      return permitted(callId, kind, task, input, call, executor, usage, prompt, output);
    }
    return CompletableFuture.runAsync(
            () -> {
              if (settings.rateLimited()) {
                log.admit(rateClaim(callId, task));
              }
              if (budgeted) {
                log.reserve(
                    new BudgetClaim(callId, name(), site.processInstanceId(), worstCaseCost(task)));
              }
            },
            executor)
        .handle(
            (admitted, error) -> {
              Throwable failure = error == null ? null : Completions.cause(error);
              if (failure instanceof BudgetExceededException overBudget) {
                record(
                    callId,
                    kind,
                    task,
                    Instant.now(),
                    System.nanoTime(),
                    Usage.NONE,
                    null,
                    BudgetExceededException.CODE,
                    overBudget.getMessage(),
                    DigestUtils.sha256Hex(input),
                    null);
                return CompletableFuture.<T>failedFuture(
                    new BudgetExceededException(
                        "model '%s' was not asked: %s".formatted(name(), overBudget.getMessage())));
              }
              if (failure instanceof RateLimitedException && meters != null) {
                meters.counter("baton.model.rate.waits", "model", name()).increment();
              }
              if (failure != null) {
                return CompletableFuture.<T>failedFuture(failure);
              }
              return permitted(callId, kind, task, input, call, executor, usage, prompt, output);
            })
        .thenCompose(Function.identity());
  }

  /**
   * One request, and the tokens a provider counts on arrival: the prompt (a quarter of its bytes)
   * and max-tokens.
   */
  private RateClaim rateClaim(String callId, ModelTask task) {
    long tokens =
        settings.tokensPerMinute() == null
            ? 0
            : (delegate.promptTokenBound(task) + 3) / 4
                + (settings.maxTokens() == null ? 0 : settings.maxTokens());
    return new RateClaim(
        callId, name(), settings.requestsPerMinute(), settings.tokensPerMinute(), tokens);
  }

  /** The most the call can cost: its prompt's token bound and max-tokens, at the model's prices. */
  private BigDecimal worstCaseCost(ModelTask task) {
    int maxOutput = settings.maxTokens() == null ? 0 : settings.maxTokens();
    return settings.cost(new Usage(Math.toIntExact(delegate.promptTokenBound(task)), maxOutput));
  }

  /**
   * Makes the call if the breaker permits it, and records how it went on {@code executor} (the
   * record is written to a database or an API: never on the HTTP client's thread).
   */
  private <T> CompletionStage<T> permitted(
      String callId,
      String kind,
      ModelTask task,
      String input,
      Supplier<CompletionStage<T>> call,
      Executor executor,
      Function<T, Usage> usage,
      Function<T, PromptRef> prompt,
      Function<T, String> output) {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    String inputHash = DigestUtils.sha256Hex(input);
    if (breaker != null && !breaker.tryAcquirePermission()) {
      String reason =
          "the circuit breaker of provider '%s' is open after repeated failures"
              .formatted(delegate.provider());
      record(
          callId,
          kind,
          task,
          startedAt,
          start,
          Usage.NONE,
          null,
          "CIRCUIT_OPEN",
          reason,
          inputHash,
          null);
      return CompletableFuture.failedFuture(
          new ModelUnavailableException("model '%s': %s".formatted(name(), reason), null, null));
    }
    CompletionStage<T> answer;
    try {
      answer = call.get();
    } catch (RuntimeException | Error e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer
        .handleAsync(
            (result, error) -> {
              Throwable failure = error == null ? null : Completions.cause(error);
              release(start, failure);
              if (failure != null) {
                // an unusable answer was still answered: its tokens cost money
                ModelOutputException unusable =
                    failure instanceof ModelOutputException invalid ? invalid : null;
                PromptRef failedPrompt =
                    unusable != null && unusable.prompt() != null
                        ? unusable.prompt()
                        : task instanceof ModelTask.Ask ask
                            ? ask.prompt().ref()
                            : task instanceof ModelTask.Converse turn ? turn.prompt().ref() : null;
                record(
                    callId,
                    kind,
                    task,
                    startedAt,
                    start,
                    unusable == null ? Usage.NONE : unusable.usage(),
                    failedPrompt,
                    failure instanceof RuntimeException r ? outcome(r) : "ERROR",
                    failure.getMessage(),
                    inputHash,
                    null);
                return CompletableFuture.<T>failedFuture(failure);
              }
              // a failing audit fails the task: it must not pass for a failing model, and a call
              // without its record must not count as done
              record(
                  callId,
                  kind,
                  task,
                  startedAt,
                  start,
                  usage.apply(result),
                  prompt.apply(result),
                  "OK",
                  null,
                  inputHash,
                  output.apply(result));
              return CompletableFuture.completedFuture(result);
            },
            executor)
        .thenCompose(Function.identity());
  }

  /**
   * Tells the breaker how the call it permitted went; only an unavailable provider counts as a
   * failure (an answer that does not parse is the model's fault, not the provider's).
   */
  private void release(long startNanos, Throwable failure) {
    if (breaker == null) {
      return;
    }
    long nanos = System.nanoTime() - startNanos;
    if (failure instanceof ModelUnavailableException) {
      breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
    } else {
      breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }
  }

  private void record(
      String callId,
      String kind,
      ModelTask task,
      Instant startedAt,
      long startNanos,
      Usage usage,
      PromptRef prompt,
      String outcome,
      String error,
      String inputHash,
      String output) {
    long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    BigDecimal cost = settings.cost(usage);
    CallSite site = task.site() == null ? CallSite.NONE : task.site();
    log.record(
        new ModelCallRecord(
            callId,
            startedAt,
            name(),
            provider(),
            settings.modelName(),
            kind,
            prompt == null ? null : prompt.id(),
            prompt == null ? null : prompt.version(),
            usage.inputTokens(),
            usage.outputTokens(),
            cost,
            latencyMillis,
            outcome,
            error == null ? null : truncate(PersonalData.redact(error), 500),
            inputHash,
            site.processInstanceId(),
            site.activityId(),
            site.taskId(),
            prompt == null ? null : prompt.sha256(),
            output == null ? null : truncate(output, 20_000)));
    if (meters != null) {
      Timer.builder("baton.model.calls")
          .description("Model calls by model, task and outcome")
          .tags("model", name(), "provider", provider(), "task", kind, "outcome", outcome)
          .register(meters)
          .record(latencyMillis, TimeUnit.MILLISECONDS);
      meters
          .counter("baton.model.tokens", "model", name(), "direction", "input")
          .increment(usage.inputTokens());
      meters
          .counter("baton.model.tokens", "model", name(), "direction", "output")
          .increment(usage.outputTokens());
      meters.counter("baton.model.cost", "model", name()).increment(cost.doubleValue());
    }
  }

  private static String outcome(RuntimeException e) {
    if (e instanceof ModelUnavailableException) {
      return "UNAVAILABLE";
    }
    if (e instanceof ModelOutputException) {
      return "INVALID_OUTPUT";
    }
    return "ERROR";
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  @Override
  public String toString() {
    return "Model[" + name() + ", " + provider() + "]";
  }
}
