package io.baton.workers;

import io.baton.connectors.ConnectorFunction;
import io.baton.payloads.Payloads;
import io.baton.tracing.GenAiTracing;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Starts the workers when the application is ready (so an embedded engine already answers on its
 * port) and stops them when it closes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
@ConditionalOnProperty(name = "baton.workers.enabled", havingValue = "true", matchIfMissing = true)
class WorkerConfiguration {

  @Bean
  WorkerRuntime workerRuntime(
      WorkerProperties properties,
      List<ConnectorFunction<?, ?>> connectors,
      Validator validator,
      ObjectProvider<MeterRegistry> meters,
      ObjectProvider<GenAiTracing> tracing,
      ObjectProvider<Payloads> payloads) {
    return new WorkerRuntime(
        properties,
        connectors,
        new VariableBinding(validator, payloads.getIfAvailable()),
        new WorkerMetrics(meters.getIfAvailable()),
        tracing.getIfAvailable(() -> GenAiTracing.NOOP));
  }

  /**
   * {@code workers} under {@code /actuator/health}: UP while the runtime fetches, with its topics
   * and the tasks in flight; DOWN before it starts, after it stops, or when no topic is left to
   * run.
   */
  @Bean
  HealthIndicator workersHealthIndicator(WorkerRuntime runtime) {
    return () -> {
      List<String> topics = runtime.topics();
      return (topics.isEmpty() ? Health.down() : Health.up())
          .withDetail("topics", topics)
          .withDetail("inFlight", runtime.inFlight())
          .build();
    };
  }

  @Bean
  WorkerLifecycle workerLifecycle(
      WorkerRuntime runtime, WorkerProperties properties, Environment environment) {
    return new WorkerLifecycle(runtime, properties, environment);
  }

  record WorkerLifecycle(
      WorkerRuntime runtime, WorkerProperties properties, Environment environment) {

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
      runtime.start(baseUrl());
    }

    @EventListener(ContextClosedEvent.class)
    public void stop() {
      runtime.stop();
    }

    private String baseUrl() {
      if (properties.baseUrl() != null && !properties.baseUrl().isBlank()) {
        return properties.baseUrl();
      }
      String port = environment.getProperty("local.server.port");
      if (port == null) {
        throw new IllegalStateException(
            "baton.workers.base-url is not set and this process serves no engine REST API:"
                + " set BATON_WORKERS_BASE_URL to the engine, e.g. http://engine:8080/engine-rest");
      }
      return "http://localhost:" + port + "/engine-rest";
    }
  }
}
