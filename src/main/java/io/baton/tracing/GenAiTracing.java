package io.baton.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Starts Baton's spans: one per external task, and inside it {@code chat {model}}, {@code
 * execute_tool {tool}} and {@code invoke_agent {agent}} as the OpenTelemetry GenAI semantic
 * conventions name them. Each carries the case it belongs to ({@link CaseRef}). A failure sets
 * {@code error.type} to the exception's class and the status to error, never the message: it may
 * hold personal data.
 */
public final class GenAiTracing {

  /** No spans at all: for code built without Spring (tests, benchmarks). */
  public static final GenAiTracing NOOP = new GenAiTracing(OpenTelemetry.noop());

  private final Tracer tracer;

  public GenAiTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("io.baton");
  }

  /**
   * Starts the span of one external task, named after its topic, as the root of a trace. Work on
   * the task runs in {@link TaskSpan#context()}, so what it starts becomes the task span's child.
   */
  public TaskSpan startTask(String topic, CaseRef ref) {
    SpanBuilder builder =
        tracer
            .spanBuilder(topic)
            .setNoParent()
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute(GenAiAttributes.TOPIC, topic);
    ref.addTo(builder);
    Span span = builder.startSpan();
    return new TaskSpan(span, Context.root().with(span).with(ref));
  }

  /**
   * A {@code chat {requestModel}} client span around a model call that {@code call} starts; {@code
   * site} links it to its case when it does not run inside a task.
   */
  public <T> CompletionStage<T> chat(
      Chat chat,
      CaseRef site,
      Supplier<CompletionStage<T>> call,
      BiConsumer<Span, T> onAnswer,
      BiConsumer<Span, Throwable> onFailure) {
    SpanBuilder builder =
        tracer
            .spanBuilder(GenAiAttributes.CHAT + " " + chat.requestModel())
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(GenAiAttributes.OPERATION_NAME, GenAiAttributes.CHAT)
            .setAttribute(GenAiAttributes.PROVIDER_NAME, chat.provider())
            .setAttribute(GenAiAttributes.REQUEST_MODEL, chat.requestModel())
            .setAttribute(GenAiAttributes.MODEL, chat.model())
            .setAttribute(GenAiAttributes.MODEL_TASK, chat.task());
    return traced(caseOf(builder, site), call, onAnswer, onFailure);
  }

  /**
   * An {@code execute_tool {tool}} span around a tool that acts on this thread; {@code callId} is
   * what identifies this call of the tool (for Baton: the external task).
   */
  public <T> T executeTool(String tool, String callId, Supplier<T> act) {
    SpanBuilder builder =
        tracer
            .spanBuilder(GenAiAttributes.EXECUTE_TOOL + " " + tool)
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(GenAiAttributes.OPERATION_NAME, GenAiAttributes.EXECUTE_TOOL)
            .setAttribute(GenAiAttributes.TOOL_NAME, tool)
            .setAttribute(GenAiAttributes.TOOL_TYPE, GenAiAttributes.TOOL_TYPE_EXTENSION)
            .setAttribute(GenAiAttributes.TOOL_CALL_ID, callId);
    Span span = caseOf(builder, null);
    try (Scope ignored = span.makeCurrent()) {
      return act.get();
    } catch (RuntimeException | Error e) {
      failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  /** An {@code invoke_agent {agent}} span around one run of an agent in this process. */
  public <T> CompletionStage<T> invokeAgent(
      String agent, String agentId, Supplier<CompletionStage<T>> run) {
    SpanBuilder builder =
        tracer
            .spanBuilder(GenAiAttributes.INVOKE_AGENT + " " + agent)
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(GenAiAttributes.OPERATION_NAME, GenAiAttributes.INVOKE_AGENT)
            .setAttribute(GenAiAttributes.AGENT_NAME, agent);
    if (agentId != null) {
      builder.setAttribute(GenAiAttributes.AGENT_ID, agentId);
    }
    return traced(caseOf(builder, null), run, (span, result) -> {}, (span, error) -> {});
  }

  /** Sets the tokens a model call used (0 and 0 for the offline model). */
  public static void usage(Span span, long inputTokens, long outputTokens) {
    span.setAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, inputTokens);
    span.setAttribute(GenAiAttributes.USAGE_OUTPUT_TOKENS, outputTokens);
  }

  /** Marks the span failed with the class of {@code error}, not its message. */
  public static void failed(Span span, Throwable error) {
    Throwable cause = cause(error);
    span.setAttribute(GenAiAttributes.ERROR_TYPE, cause.getClass().getName());
    span.setStatus(StatusCode.ERROR);
  }

  private static Span caseOf(SpanBuilder builder, CaseRef site) {
    CaseRef inTask = CaseRef.current();
    CaseRef ref = site == null ? inTask : site.orElse(inTask);
    if (ref != null) {
      ref.addTo(builder);
    }
    return builder.startSpan();
  }

  private static <T> CompletionStage<T> traced(
      Span span,
      Supplier<CompletionStage<T>> work,
      BiConsumer<Span, T> onSuccess,
      BiConsumer<Span, Throwable> onFailure) {
    CompletionStage<T> started;
    try (Scope ignored = span.makeCurrent()) {
      started = work.get();
    } catch (RuntimeException | Error e) {
      started = CompletableFuture.failedFuture(e);
    }
    return started.whenComplete(
        (result, error) -> {
          try {
            if (error == null) {
              onSuccess.accept(span, result);
            } else {
              failed(span, error);
              onFailure.accept(span, cause(error));
            }
          } catch (RuntimeException e) {
            // a span that cannot read its result is still a span: the call must not fail for it
            span.setAttribute("baton.tracing.error", e.getClass().getName());
          } finally {
            span.end();
          }
        });
  }

  private static Throwable cause(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * A model call: {@code model} is Baton's name for it, {@code requestModel} the provider's ({@code
   * gen_ai.request.model}), {@code task} what it was asked to do (classify, draft, extract, ask).
   */
  public record Chat(String model, String provider, String requestModel, String task) {}

  /** The span of one external task and the context its work runs in. */
  public record TaskSpan(Span span, Context context) {

    /**
     * Ends the span with how the task ended ({@code complete}, {@code bpmn_error}, {@code retry},
     * ...); {@code error} is the failure behind a retry or an incident, else null.
     */
    public void end(String outcome, Throwable error) {
      span.setAttribute(GenAiAttributes.TASK_OUTCOME, outcome);
      if (error != null) {
        failed(span, error);
      }
      span.end();
    }
  }
}
