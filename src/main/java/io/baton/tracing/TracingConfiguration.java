package io.baton.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The tracer of the engine application and of a standalone worker alike: an OTLP/HTTP exporter when
 * {@code baton.tracing.otlp-endpoint} is set, else the no-op {@link OpenTelemetry} (no exporter, no
 * SDK, no thread).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TracingProperties.class)
public class TracingConfiguration {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  @Bean
  @Conditional(OtlpEndpointSet.class)
  @ConditionalOnMissingBean
  SpanExporter otlpSpanExporter(TracingProperties properties) {
    // MeterProvider::noop: the exporter would otherwise look up the global OpenTelemetry instance
    return OtlpHttpSpanExporter.builder()
        .setEndpoint(properties.tracesUrl())
        .setMeterProvider(MeterProvider::noop)
        .build();
  }

  /** Closed with the context, which exports the spans still buffered. */
  @Bean
  @ConditionalOnMissingBean
  OpenTelemetry openTelemetry(
      ObjectProvider<SpanExporter> exporter, TracingProperties properties, Environment env) {
    SpanExporter spans = exporter.getIfAvailable();
    if (spans == null) {
      return OpenTelemetry.noop();
    }
    String service =
        properties.serviceName() != null && !properties.serviceName().isBlank()
            ? properties.serviceName()
            : env.getProperty("spring.application.name", "baton");
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder()
                .setResource(
                    Resource.getDefault()
                        .merge(Resource.create(Attributes.of(SERVICE_NAME, service))))
                .addSpanProcessor(
                    BatchSpanProcessor.builder(spans)
                        .setMeterProvider(MeterProvider.noop())
                        .build())
                .build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  GenAiTracing genAiTracing(OpenTelemetry openTelemetry) {
    return new GenAiTracing(openTelemetry);
  }

  /** {@code baton.tracing.otlp-endpoint} has a value (an empty environment variable is unset). */
  static final class OtlpEndpointSet implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String endpoint = context.getEnvironment().getProperty("baton.tracing.otlp-endpoint");
      return endpoint != null && !endpoint.isBlank();
    }
  }
}
