package io.baton.tracing;

import static io.baton.support.ProcessInstances.awaitEnded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.support.ToolTasks;
import io.baton.tracing.OtlpReceiver.ReceivedSpan;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A case through the embedded workers with {@code baton.tracing.otlp-endpoint} set: its spans
 * arrive at a real OTLP/HTTP receiver, as a collector gets them, with the GenAI attributes and the
 * case's ids, the model call and the tool inside the span of their task. Nested in an engine test
 * whose context exports to {@link #exportTo} (one application start instead of two).
 */
public abstract class GenAiTracingChecks {

  private static final OtlpReceiver COLLECTOR = OtlpReceiver.start();

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired OpenTelemetry openTelemetry;

  /** For the enclosing test's {@code @DynamicPropertySource}: traces go to this test's receiver. */
  public static void exportTo(DynamicPropertyRegistry registry) {
    registry.add("baton.tracing.otlp-endpoint", COLLECTOR::endpoint);
  }

  @Test
  public void should_export_a_chat_span_and_a_tool_span_inside_the_spans_of_their_tasks() {
    repository.createDeployment().addModelInstance("traced.bpmn", classifyThenEmail()).deploy();
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "traced", Map.of("text", "I want my money back for order 42"));
    awaitEnded(pi);

    ReceivedSpan chat = awaitSpan(pi, "chat local");
    ReceivedSpan classifyTask = awaitSpan(pi, "baton.classify");
    ReceivedSpan tool = awaitSpan(pi, "execute_tool email");
    ReceivedSpan emailTask = awaitSpan(pi, "baton.email");

    assertThat(chat.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
    assertThat(chat.attributes())
        .containsEntry("gen_ai.operation.name", "chat")
        .containsEntry("gen_ai.provider.name", "local")
        .containsEntry("gen_ai.request.model", "local")
        .containsEntry("gen_ai.usage.input_tokens", 0L)
        .containsEntry("gen_ai.usage.output_tokens", 0L)
        .containsEntry("baton.model", "local")
        .containsEntry("baton.model.task", "classify")
        .containsEntry("baton.process_instance_id", pi.getId())
        .containsEntry("baton.process_definition_key", "traced")
        .containsEntry("baton.activity_id", "classify")
        .containsEntry(
            "baton.external_task_id", classifyTask.attributes().get("baton.external_task_id"))
        .doesNotContainKey("error.type");
    assertThat(chat.error()).isFalse();
    assertThat(chat.traceId()).isEqualTo(classifyTask.traceId());
    assertThat(chat.parentSpanId()).isEqualTo(classifyTask.spanId());

    assertThat(classifyTask.kind()).isEqualTo(SpanKind.SPAN_KIND_CONSUMER);
    assertThat(classifyTask.attributes())
        .containsEntry("baton.topic", "baton.classify")
        .containsEntry("baton.task.outcome", "complete")
        .containsEntry("baton.process_definition_key", "traced")
        .containsEntry("baton.activity_id", "classify")
        .containsKey("baton.external_task_id");
    assertThat(classifyTask.parentSpanId()).as("a task starts its own trace").isEmpty();
    assertThat(classifyTask.resource()).containsEntry("service.name", "baton");

    assertThat(tool.attributes())
        .containsEntry("gen_ai.operation.name", "execute_tool")
        .containsEntry("gen_ai.tool.name", "email")
        .containsEntry("gen_ai.tool.type", "extension")
        .containsEntry("gen_ai.tool.call.id", emailTask.attributes().get("baton.external_task_id"))
        .containsEntry("baton.process_definition_key", "traced")
        .containsEntry("baton.activity_id", "send");
    assertThat(tool.error()).isFalse();
    assertThat(tool.traceId()).isEqualTo(emailTask.traceId());
    assertThat(tool.parentSpanId()).isEqualTo(emailTask.spanId());
    assertThat(emailTask.attributes()).containsEntry("baton.task.outcome", "complete");
    assertThat(COLLECTOR.contentTypes()).allMatch("application/x-protobuf"::equals);
  }

  /** The one span of this name for the instance, once the exporter has sent it. */
  private ReceivedSpan awaitSpan(ProcessInstance pi, String name) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              // the batch processor exports every few seconds; the test does not wait for it
              ((OpenTelemetrySdk) openTelemetry)
                  .getSdkTracerProvider()
                  .forceFlush()
                  .join(5, TimeUnit.SECONDS);
              List<ReceivedSpan> named =
                  COLLECTOR.spans().stream()
                      .filter(span -> span.name().equals(name))
                      .filter(
                          span ->
                              pi.getId().equals(span.attributes().get("baton.process_instance_id")))
                      .toList();
              return named.size() == 1 ? named.get(0) : null;
            },
            span -> span != null);
  }

  private static BpmnModelInstance classifyThenEmail() {
    return ToolTasks.approval(
        Bpmn.createExecutableProcess("traced")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("classify")
            .camundaExternalTask("baton.classify")
            .camundaInputParameter("model", "local")
            .camundaInputParameter("labelSet", "customer-intents")
            .serviceTask("send")
            .camundaExternalTask("baton.email")
            .camundaInputParameter("to", "c42@customers.example")
            .camundaInputParameter("subject", "Your request")
            .camundaInputParameter("body", "We are on it.")
            .endEvent()
            .done(),
        "send",
        "none");
  }
}
