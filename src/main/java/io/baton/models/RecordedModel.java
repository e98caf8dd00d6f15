package io.baton.models;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wraps a provider's model with what every call needs once: the provider's circuit breaker, the
 * audit record, and metrics. Providers implement only the calls themselves.
 */
final class RecordedModel implements Model {

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
  public Classification classify(ModelTask.Classify task) {
    return call(
        "classify",
        task,
        task.text() + task.labels(),
        () -> delegate.classify(task),
        Classification::usage,
        Classification::prompt);
  }

  @Override
  public Draft draft(ModelTask.DraftReply task) {
    return call(
        "draft",
        task,
        task.text() + task.candidates(),
        () -> delegate.draft(task),
        Draft::usage,
        Draft::prompt);
  }

  @Override
  public Extraction extract(ModelTask.Extract task) {
    return call(
        "extract",
        task,
        task.text() + task.jsonSchema() + task.problems(),
        () -> delegate.extract(task),
        Extraction::usage,
        Extraction::prompt);
  }

  @Override
  public Answer ask(ModelTask.Ask task) {
    return call(
        "ask",
        task,
        task.prompt().system() + task.prompt().user(),
        () -> delegate.ask(task),
        Answer::usage,
        Answer::prompt);
  }

  private <T> T call(
      String kind,
      ModelTask task,
      String input,
      Supplier<T> call,
      Function<T, Usage> usage,
      Function<T, PromptRef> prompt) {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    String inputHash = sha256(input);
    if (breaker != null && !breaker.tryAcquirePermission()) {
      String reason =
          "the circuit breaker of provider '%s' is open after repeated failures"
              .formatted(delegate.provider());
      record(kind, task, startedAt, start, Usage.NONE, null, "CIRCUIT_OPEN", reason, inputHash);
      throw new ModelUnavailableException("model '%s': %s".formatted(name(), reason), null, null);
    }
    T result;
    try {
      result = call.get();
    } catch (RuntimeException | Error e) {
      release(start, e);
      RuntimeException failure = e instanceof RuntimeException r ? r : null;
      PromptRef failedPrompt = task instanceof ModelTask.Ask ask ? ask.prompt().ref() : null;
      record(
          kind,
          task,
          startedAt,
          start,
          Usage.NONE,
          failedPrompt,
          failure == null ? "ERROR" : outcome(failure),
          e.getMessage(),
          inputHash);
      throw e;
    }
    release(start, null);
    // recorded outside the try: a failing audit must not pass for a failing model
    record(
        kind,
        task,
        startedAt,
        start,
        usage.apply(result),
        prompt.apply(result),
        "OK",
        null,
        inputHash);
    return result;
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
      String kind,
      ModelTask task,
      Instant startedAt,
      long startNanos,
      Usage usage,
      PromptRef prompt,
      String outcome,
      String error,
      String inputHash) {
    long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    BigDecimal cost = settings.cost(usage);
    CallSite site = task.site() == null ? CallSite.NONE : task.site();
    log.record(
        new ModelCallRecord(
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
            site.taskId()));
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

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "Model[" + name() + ", " + provider() + "]";
  }
}
