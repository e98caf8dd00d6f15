package io.baton.workers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How a worker reaches Baton's own API on the engine ({@code /api}: the effect ledger, the audit
 * and the budgets of model calls): one base URL, one service account, one HTTP client and one JSON
 * mapper for all of them. The clients share two threads for their internal work: without an
 * executor of its own, a JDK client grows a thread for every request sent at the same time.
 */
final class EngineClient {

  private static final int ATTEMPTS = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final ExecutorService SHARED =
      Executors.newFixedThreadPool(2, WorkerRuntime.named("baton-engine-http"));

  private final String apiUrl;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(SHARED).build();
  private final ObjectMapper json =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /**
   * @param engineRestUrl the engine REST API, for example {@code http://engine:8080/engine-rest};
   *     Baton's API is beside it
   */
  EngineClient(String engineRestUrl, String username, String password) {
    this.apiUrl = engineRestUrl.replaceAll("/engine-rest/?$", "") + "/api";
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** An answer of Baton's API: its status and its body as JSON (empty when it has none). */
  record Answer(int status, String body, JsonNode json) {}

  /**
   * Sends {@code body} as JSON (none when null) to {@code path} under {@code /api}.
   *
   * @throws EngineUnreachable when the request could not be sent or no answer came
   */
  Answer send(String method, String path, Object body, Duration timeout) {
    return send(method, path, "application/json", body == null ? null : write(body), timeout);
  }

  /** Sends {@code text} as it is (none when null) to {@code path} under {@code /api}. */
  Answer sendText(String method, String path, String text, Duration timeout) {
    return send(method, path, "text/plain; charset=UTF-8", text, timeout);
  }

  private Answer send(String method, String path, String type, String body, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .timeout(timeout)
            .header("Authorization", authorization)
            .header("Content-Type", type)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode parsed = text == null || text.isBlank() ? json.missingNode() : readOrText(text);
      return new Answer(response.statusCode(), text, parsed);
    } catch (IOException e) {
      throw new EngineUnreachable(method + " " + apiUrl + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineUnreachable("interrupted: " + method + " " + apiUrl + path, e);
    }
  }

  /**
   * POSTs a request the engine keeps once (or only reads), again when no answer or a server error
   * came back; the last answer otherwise.
   *
   * @throws IllegalStateException naming {@code what} when no answer came at all
   */
  Answer postKeptOnce(String path, Object body, String what) {
    RuntimeException unreachable = null;
    Answer answer = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        answer = send("POST", path, body, TIMEOUT);
        if (answer.status() < 500) {
          return answer;
        }
      } catch (EngineUnreachable e) {
        unreachable = e;
      }
    }
    if (answer != null) {
      return answer;
    }
    throw new IllegalStateException(
        "cannot %s at %s: %s".formatted(what, url(path), unreachable.getMessage()), unreachable);
  }

  String url(String path) {
    return apiUrl + path;
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write a request to the engine as JSON", e);
    }
  }

  private JsonNode readOrText(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException notJson) {
      return json.getNodeFactory().textNode(text);
    }
  }

  /** The engine's API could not be reached, or did not answer in time. */
  static final class EngineUnreachable extends IllegalStateException {
    EngineUnreachable(String message, Throwable cause) {
      super("the engine's API is not reachable: " + message, cause);
    }
  }
}
