package io.baton.tracing;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.ImplicitContextKeyed;

/**
 * The case a span belongs to, on each span as {@code baton.*} attributes so a trace backend finds
 * every span of a process instance. Kept in the {@link Context} of a task, so the spans started
 * inside it (a model call, a tool) carry it too. No business key: it may be personal data.
 */
public record CaseRef(
    String processDefinitionKey, String processInstanceId, String activityId, String externalTaskId)
    implements ImplicitContextKeyed {

  private static final ContextKey<CaseRef> KEY = ContextKey.named("baton.case");

  /** The case of the task the current thread works on, or null. */
  public static CaseRef current() {
    return Context.current().get(KEY);
  }

  @Override
  public Context storeInContext(Context context) {
    return context.with(KEY, this);
  }

  /** This reference, its missing parts taken from {@code other} (which may be null). */
  CaseRef orElse(CaseRef other) {
    if (other == null) {
      return this;
    }
    return new CaseRef(
        processDefinitionKey != null ? processDefinitionKey : other.processDefinitionKey,
        processInstanceId != null ? processInstanceId : other.processInstanceId,
        activityId != null ? activityId : other.activityId,
        externalTaskId != null ? externalTaskId : other.externalTaskId);
  }

  void addTo(SpanBuilder span) {
    put(span, GenAiAttributes.PROCESS_DEFINITION_KEY, processDefinitionKey);
    put(span, GenAiAttributes.PROCESS_INSTANCE_ID, processInstanceId);
    put(span, GenAiAttributes.ACTIVITY_ID, activityId);
    put(span, GenAiAttributes.EXTERNAL_TASK_ID, externalTaskId);
  }

  private static void put(
      SpanBuilder span, io.opentelemetry.api.common.AttributeKey<String> key, String value) {
    if (value != null) {
      span.setAttribute(key, value);
    }
  }
}
