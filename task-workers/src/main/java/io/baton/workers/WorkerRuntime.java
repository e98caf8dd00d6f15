package io.baton.workers;

import io.baton.connectors.ConnectorFunction;
import java.util.List;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Subscribes every connector to its topic on one engine and stops them together. */
public class WorkerRuntime {

  private static final Logger log = LoggerFactory.getLogger(WorkerRuntime.class);

  private final WorkerProperties properties;
  private final List<ConnectorFunction<?, ?>> connectors;
  private final VariableBinding binding;
  private ExternalTaskClient client;

  WorkerRuntime(
      WorkerProperties properties,
      List<ConnectorFunction<?, ?>> connectors,
      VariableBinding binding) {
    this.properties = properties;
    this.connectors = connectors;
    this.binding = binding;
  }

  public synchronized void start(String baseUrl) {
    if (client != null) {
      return;
    }
    if (properties.password() == null || properties.password().isBlank()) {
      throw new IllegalStateException(
          "worker user '%s' has no password: set BATON_WORKERS_PASSWORD (baton.workers.password)"
              .formatted(properties.username()));
    }
    client =
        ExternalTaskClient.create()
            .baseUrl(baseUrl)
            .workerId(properties.workerId())
            .maxTasks(properties.maxTasks())
            .asyncResponseTimeout(properties.asyncResponseTimeout().toMillis())
            .lockDuration(properties.lockDuration().toMillis())
            .addInterceptor(new BasicAuthProvider(properties.username(), properties.password()))
            .build();
    RetryPolicy retryPolicy = new RetryPolicy(properties.retries(), properties.retryBackoff());
    for (ConnectorFunction<?, ?> connector : connectors) {
      client
          .subscribe(connector.topic())
          .variables(VariableBinding.variableNames(connector.inputType()).toArray(String[]::new))
          .handler(new ConnectorTaskHandler<>(connector, binding, retryPolicy))
          .open();
    }
    log.info(
        "workers subscribed to {} at {}",
        connectors.stream().map(ConnectorFunction::topic).toList(),
        baseUrl);
  }

  public synchronized void stop() {
    if (client != null) {
      client.stop();
      client = null;
    }
  }
}
