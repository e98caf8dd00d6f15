package io.baton.models.chat;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Keeps the {@code Retry-After} of a provider's 429 or 503 answer, which langchain4j's exceptions
 * do not carry. It wraps the JDK client that langchain4j's own {@code JdkHttpClient} sends with. A
 * model call {@link #begin() begins} a {@link Call} on its thread just before it hands the request
 * to langchain4j, which sends it on that same thread; the client ties the answer to that call,
 * whichever thread the answer later arrives on.
 */
final class RetryAfterCapture {

  private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

  private RetryAfterCapture() {}

  /** One model call's note of the wait its provider asked for. */
  static final class Call {
    private volatile Duration retryAfter;

    /** The wait the provider asked for, or null. */
    Duration retryAfter() {
      return retryAfter;
    }
  }

  /**
   * A JDK client builder whose clients note {@code Retry-After}; give it to langchain4j. Its
   * clients run their callbacks on {@code executor}, not on a pool that grows a thread per call.
   */
  static HttpClient.Builder builder(Executor executor) {
    return new Builder(HttpClient.newBuilder().executor(executor));
  }

  /** Starts a call on this thread: requests sent on it until {@link #end()} note into it. */
  static Call begin() {
    Call call = new Call();
    CURRENT.set(call);
    return call;
  }

  static void end() {
    CURRENT.remove();
  }

  static Duration parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until =
            Duration.between(
                ZonedDateTime.now(),
                ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static void note(Call call, HttpResponse<?> response) {
    if (call != null && (response.statusCode() == 429 || response.statusCode() == 503)) {
      call.retryAfter = parse(response.headers().firstValue("Retry-After").orElse(null));
    }
  }

  private record Builder(HttpClient.Builder delegate) implements HttpClient.Builder {

    @Override
    public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
      delegate.cookieHandler(cookieHandler);
      return this;
    }

    @Override
    public HttpClient.Builder connectTimeout(Duration duration) {
      delegate.connectTimeout(duration);
      return this;
    }

    @Override
    public HttpClient.Builder sslContext(SSLContext sslContext) {
      delegate.sslContext(sslContext);
      return this;
    }

    @Override
    public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
      delegate.sslParameters(sslParameters);
      return this;
    }

    @Override
    public HttpClient.Builder executor(Executor executor) {
      delegate.executor(executor);
      return this;
    }

    @Override
    public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
      delegate.followRedirects(policy);
      return this;
    }

    @Override
    public HttpClient.Builder version(HttpClient.Version version) {
      delegate.version(version);
      return this;
    }

    @Override
    public HttpClient.Builder priority(int priority) {
      delegate.priority(priority);
      return this;
    }

    @Override
    public HttpClient.Builder proxy(ProxySelector proxySelector) {
      delegate.proxy(proxySelector);
      return this;
    }

    @Override
    public HttpClient.Builder authenticator(Authenticator authenticator) {
      delegate.authenticator(authenticator);
      return this;
    }

    @Override
    public HttpClient build() {
      return new Client(delegate.build());
    }
  }

  private static final class Client extends HttpClient {

    private final HttpClient delegate;

    Client(HttpClient delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
      Call call = CURRENT.get();
      HttpResponse<T> response = delegate.send(request, handler);
      note(call, response);
      return response;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      Call call = CURRENT.get();
      return delegate
          .sendAsync(request, handler)
          .whenComplete((response, error) -> noteIfAnswered(call, response));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request,
        HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
      Call call = CURRENT.get();
      return delegate
          .sendAsync(request, handler, pushPromiseHandler)
          .whenComplete((response, error) -> noteIfAnswered(call, response));
    }

    private static void noteIfAnswered(Call call, HttpResponse<?> response) {
      if (response != null) {
        note(call, response);
      }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
      return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
      return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
      return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return delegate.authenticator();
    }

    @Override
    public Version version() {
      return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
      return delegate.executor();
    }
  }
}
