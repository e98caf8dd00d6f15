package io.baton.models.chat;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventListenerUtils;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.baton.models.Completions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * A langchain4j HTTP client whose streamed answers hold no thread. langchain4j's own JDK client
 * reads a stream of server-sent events from a blocking {@code InputStream}, so a thread waits for
 * as long as the provider keeps writing, which for a model generating tokens is most of the call.
 * This one lets the JDK client collect the whole body without a thread, then parses the events from
 * memory. Baton uses only the complete answer, never the pieces, so nothing is lost by waiting for
 * the end.
 *
 * <p>Requests without a stream are sent with the same JDK client and wait for their answer.
 */
final class BufferedStreamHttpClient implements HttpClient {

  private final java.net.http.HttpClient jdk;
  private final Duration readTimeout;
  private final Executor parsing;

  private BufferedStreamHttpClient(Builder builder) {
    java.net.http.HttpClient.Builder jdkBuilder = RetryAfterCapture.builder(builder.executor);
    if (builder.connectTimeout != null) {
      jdkBuilder.connectTimeout(builder.connectTimeout);
    }
    this.jdk = jdkBuilder.build();
    this.readTimeout = builder.readTimeout;
    this.parsing = builder.executor;
  }

  static Builder builder(Executor executor) {
    return new Builder(executor);
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = jdk.send(toJdk(request), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + request.url(), e);
    }
    if (response.statusCode() < 200 || response.statusCode() >= 300) {
      throw new HttpException(response.statusCode(), response.body());
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(response.statusCode())
        .headers(response.headers().map())
        .body(response.body())
        .build();
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    jdk.sendAsync(toJdk(request), HttpResponse.BodyHandlers.ofByteArray())
        .thenAcceptAsync(response -> deliver(response, parser, listener), parsing)
        .exceptionally(
            error -> {
              Throwable cause = Completions.cause(error);
              ServerSentEventListenerUtils.ignoringExceptions(() -> listener.onError(cause));
              return null;
            });
  }

  private static void deliver(
      HttpResponse<byte[]> response,
      ServerSentEventParser parser,
      ServerSentEventListener listener) {
    if (response.statusCode() < 200 || response.statusCode() >= 300) {
      HttpException error =
          new HttpException(
              response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
      ServerSentEventListenerUtils.ignoringExceptions(() -> listener.onError(error));
      return;
    }
    SuccessfulHttpResponse opened =
        SuccessfulHttpResponse.builder()
            .statusCode(response.statusCode())
            .headers(response.headers().map())
            .build();
    ServerSentEventListenerUtils.ignoringExceptions(() -> listener.onOpen(opened));
    parser.parse(new ByteArrayInputStream(response.body()), listener);
    ServerSentEventListenerUtils.ignoringExceptions(listener::onClose);
  }

  private java.net.http.HttpRequest toJdk(HttpRequest request) {
    if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
      throw new IllegalArgumentException(
          "a request with form data is not supported: Baton's chat calls send JSON");
    }
    java.net.http.HttpRequest.Builder jdkRequest =
        java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
    request.headers().forEach((name, values) -> values.forEach(v -> jdkRequest.header(name, v)));
    jdkRequest.method(
        request.method().name(),
        request.body() == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    if (readTimeout != null) {
      jdkRequest.timeout(readTimeout);
    }
    return jdkRequest.build();
  }

  static final class Builder implements HttpClientBuilder {

    private final Executor executor;
    private Duration connectTimeout;
    private Duration readTimeout;

    private Builder(Executor executor) {
      this.executor = executor;
    }

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    @Override
    public BufferedStreamHttpClient build() {
      return new BufferedStreamHttpClient(this);
    }
  }
}
