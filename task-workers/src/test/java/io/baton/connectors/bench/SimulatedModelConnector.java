package io.baton.connectors.bench;

import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.TaskContext;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Benchmark only: a model call that holds no thread while it waits (JDK HttpClient sendAsync), on
 * topic {@code baton.bench-model}. Exists only when {@code baton.benchmark.simulator-url} is set.
 */
@Component
@ConditionalOnProperty("baton.benchmark.simulator-url")
public class SimulatedModelConnector
    implements ConnectorFunction<SimulatedModelConnector.Input, SimulatedModelConnector.Output> {

  private final URI simulator;
  // a small fixed pool: the default executor of HttpClient grows a thread per waiting call
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(2))
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  public SimulatedModelConnector(@Value("${baton.benchmark.simulator-url}") String simulatorUrl) {
    this.simulator = URI.create(simulatorUrl);
  }

  public record Input(@NotBlank String prompt) {}

  public record Output(String answer) {}

  @Override
  public String topic() {
    return "baton.bench-model";
  }

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Output apply(Input input, TaskContext context) {
    return applyAsync(input, context, Runnable::run).toCompletableFuture().join();
  }

  @Override
  public CompletionStage<Output> applyAsync(Input input, TaskContext context, Executor executor) {
    HttpRequest request =
        HttpRequest.newBuilder(simulator)
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(input.prompt()))
            .build();
    CompletableFuture<HttpResponse<String>> response =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    return response.thenApply(
        r -> {
          if (r.statusCode() != 200) {
            throw new IllegalStateException("simulator answered HTTP " + r.statusCode());
          }
          return new Output("ok");
        });
  }
}
