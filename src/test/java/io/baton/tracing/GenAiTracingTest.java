package io.baton.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.tracing.GenAiTracing.TaskSpan;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.incubating.GenAiIncubatingAttributes;
import io.opentelemetry.semconv.incubating.GenAiIncubatingAttributes.GenAiOperationNameIncubatingValues;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GenAiTracingTest {

  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final GenAiTracing tracing =
      new GenAiTracing(
          OpenTelemetrySdk.builder()
              .setTracerProvider(
                  SdkTracerProvider.builder()
                      .addSpanProcessor(SimpleSpanProcessor.create(exported))
                      .build())
              .build());
  private final CaseRef ref = new CaseRef("customer-request", "pi-1", "classify-intent", "task-1");

  @Test
  void should_name_attributes_as_the_genai_semantic_conventions_do() {
    assertThat(GenAiAttributes.OPERATION_NAME)
        .isEqualTo(GenAiIncubatingAttributes.GEN_AI_OPERATION_NAME);
    assertThat(GenAiAttributes.PROVIDER_NAME)
        .isEqualTo(GenAiIncubatingAttributes.GEN_AI_PROVIDER_NAME);
    assertThat(GenAiAttributes.REQUEST_MODEL)
        .isEqualTo(GenAiIncubatingAttributes.GEN_AI_REQUEST_MODEL);
    assertThat(GenAiAttributes.USAGE_INPUT_TOKENS)
        .isEqualTo(GenAiIncubatingAttributes.GEN_AI_USAGE_INPUT_TOKENS);
    assertThat(GenAiAttributes.USAGE_OUTPUT_TOKENS)
        .isEqualTo(GenAiIncubatingAttributes.GEN_AI_USAGE_OUTPUT_TOKENS);
    assertThat(GenAiAttributes.TOOL_NAME).isEqualTo(GenAiIncubatingAttributes.GEN_AI_TOOL_NAME);
    assertThat(GenAiAttributes.TOOL_CALL_ID)
        .isEqualTo(GenAiIncubatingAttributes.GEN_AI_TOOL_CALL_ID);
    assertThat(GenAiAttributes.TOOL_TYPE).isEqualTo(GenAiIncubatingAttributes.GEN_AI_TOOL_TYPE);
    assertThat(GenAiAttributes.AGENT_NAME).isEqualTo(GenAiIncubatingAttributes.GEN_AI_AGENT_NAME);
    assertThat(GenAiAttributes.AGENT_ID).isEqualTo(GenAiIncubatingAttributes.GEN_AI_AGENT_ID);
    assertThat(GenAiAttributes.ERROR_TYPE).isEqualTo(ErrorAttributes.ERROR_TYPE);
    assertThat(GenAiAttributes.CHAT).isEqualTo(GenAiOperationNameIncubatingValues.CHAT);
    assertThat(GenAiAttributes.EXECUTE_TOOL)
        .isEqualTo(GenAiOperationNameIncubatingValues.EXECUTE_TOOL);
    assertThat(GenAiAttributes.INVOKE_AGENT)
        .isEqualTo(GenAiOperationNameIncubatingValues.INVOKE_AGENT);
  }

  @Test
  void should_make_a_tool_run_in_a_task_a_child_of_the_task_with_the_case() {
    TaskSpan task = tracing.startTask("baton.email", ref);
    try (Scope ignored = task.context().makeCurrent()) {
      assertThat(tracing.executeTool("email", "task-1", () -> "sent")).isEqualTo("sent");
    }
    task.end("complete", null);

    SpanData tool = span("execute_tool email");
    SpanData taskSpan = span("baton.email");
    assertThat(tool.getParentSpanId()).isEqualTo(taskSpan.getSpanId());
    assertThat(tool.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(tool.getAttributes().get(GenAiAttributes.TOOL_CALL_ID)).isEqualTo("task-1");
    assertThat(tool.getAttributes().get(GenAiAttributes.PROCESS_DEFINITION_KEY))
        .isEqualTo("customer-request");
    assertThat(tool.getAttributes().get(GenAiAttributes.ACTIVITY_ID)).isEqualTo("classify-intent");
    assertThat(taskSpan.getParentSpanContext().isValid()).isFalse();
    assertThat(taskSpan.getAttributes().get(GenAiAttributes.TASK_OUTCOME)).isEqualTo("complete");
    assertThat(taskSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void should_mark_a_failing_tool_with_the_error_type_and_not_its_message() {
    IllegalStateException failure = new IllegalStateException("mail for jane@example.com failed");

    assertThatThrownBy(
            () ->
                tracing.executeTool(
                    "email",
                    "task-2",
                    () -> {
                      throw failure;
                    }))
        .isSameAs(failure);

    SpanData tool = span("execute_tool email");
    assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(tool.getStatus().getDescription()).isEmpty();
    assertThat(tool.getAttributes().get(GenAiAttributes.ERROR_TYPE))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(tool.getEvents()).isEmpty();
    assertThat(tool.getAttributes().asMap().values().toString()).doesNotContain("jane");
  }

  @Test
  void should_link_a_chat_outside_a_task_to_its_call_site_and_record_a_failure_when_it_arrives() {
    CompletableFuture<String> answer = new CompletableFuture<>();
    CompletableFuture<String> traced =
        tracing
            .chat(
                new GenAiTracing.Chat("smart", "openai", "gpt-4o-mini", "draft"),
                new CaseRef(null, "pi-9", "draft-reply", "task-9"),
                () -> answer,
                (span, text) -> GenAiTracing.usage(span, 12, 34),
                (span, error) -> GenAiTracing.usage(span, 12, 0))
            .toCompletableFuture();
    assertThat(exported.getFinishedSpanItems()).as("still waiting for the answer").isEmpty();

    answer.completeExceptionally(new CompletionException(new ArithmeticException("overflow")));

    assertThat(traced).isCompletedExceptionally();
    SpanData chat = span("chat gpt-4o-mini");
    assertThat(chat.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(chat.getAttributes().get(GenAiAttributes.PROVIDER_NAME)).isEqualTo("openai");
    assertThat(chat.getAttributes().get(GenAiAttributes.MODEL)).isEqualTo("smart");
    assertThat(chat.getAttributes().get(GenAiAttributes.PROCESS_INSTANCE_ID)).isEqualTo("pi-9");
    assertThat(chat.getAttributes().get(GenAiAttributes.PROCESS_DEFINITION_KEY)).isNull();
    assertThat(chat.getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS)).isEqualTo(12L);
    assertThat(chat.getAttributes().get(GenAiAttributes.ERROR_TYPE))
        .isEqualTo("java.lang.ArithmeticException");
  }

  @Test
  void should_trace_an_agent_run_as_invoke_agent_with_the_case_of_its_task() {
    TaskSpan task = tracing.startTask("baton.agent", ref);
    CompletableFuture<String> run;
    try (Scope ignored = task.context().makeCurrent()) {
      run =
          tracing
              .invokeAgent("support", "agent-7", () -> CompletableFuture.completedFuture("done"))
              .toCompletableFuture();
    }
    task.end("complete", null);

    assertThat(run).isCompletedWithValue("done");
    SpanData agent = span("invoke_agent support");
    assertThat(agent.getParentSpanId()).isEqualTo(span("baton.agent").getSpanId());
    assertThat(agent.getAttributes().get(GenAiAttributes.OPERATION_NAME)).isEqualTo("invoke_agent");
    assertThat(agent.getAttributes().get(GenAiAttributes.AGENT_NAME)).isEqualTo("support");
    assertThat(agent.getAttributes().get(GenAiAttributes.AGENT_ID)).isEqualTo("agent-7");
    assertThat(agent.getAttributes().get(GenAiAttributes.PROCESS_INSTANCE_ID)).isEqualTo("pi-1");
  }

  private final ApplicationContextRunner contexts =
      new ApplicationContextRunner().withUserConfiguration(TracingConfiguration.class);

  @Test
  void should_create_no_exporter_and_only_the_noop_tracer_without_an_endpoint() {
    contexts.run(
        context -> {
          assertThat(context).doesNotHaveBean(SpanExporter.class);
          assertThat(context.getBean(OpenTelemetry.class)).isSameAs(OpenTelemetry.noop());
        });
    contexts
        .withPropertyValues("baton.tracing.otlp-endpoint=  ")
        .run(context -> assertThat(context).doesNotHaveBean(SpanExporter.class));
  }

  @Test
  void should_export_over_otlp_http_when_an_endpoint_is_set() {
    contexts
        .withPropertyValues("baton.tracing.otlp-endpoint=http://collector:4318")
        .run(
            context -> {
              assertThat(context.getBean(SpanExporter.class))
                  .isInstanceOf(OtlpHttpSpanExporter.class)
                  .asString()
                  .contains("http://collector:4318/v1/traces");
              assertThat(context.getBean(OpenTelemetry.class)).isInstanceOf(OpenTelemetrySdk.class);
            });
  }

  @Test
  void should_post_to_the_traces_path_of_the_endpoint() {
    assertThat(new TracingProperties("http://c:4318", null).tracesUrl())
        .isEqualTo("http://c:4318/v1/traces");
    assertThat(new TracingProperties("http://c:4318/", null).tracesUrl())
        .isEqualTo("http://c:4318/v1/traces");
    assertThat(new TracingProperties("http://c:4318/v1/traces", null).tracesUrl())
        .isEqualTo("http://c:4318/v1/traces");
  }

  private SpanData span(String name) {
    return exported.getFinishedSpanItems().stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no span " + name + " in " + exported.getFinishedSpanItems()));
  }
}
