package io.baton.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The engine's effect ledger ({@code /api/effects}), as the workers' service account reaches it.
 */
final class EffectLedgerClient {

  static final String DONE = "DONE";

  private final String effectsUrl;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  EffectLedgerClient(String engineRestUrl, String username, String password) {
    String base = engineRestUrl.replaceAll("/engine-rest/?$", "");
    this.effectsUrl = base + "/api/effects/";
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The state of the effect under the key after registering this attempt: STARTED or DONE. */
  Recorded start(String key, String topic, String processInstanceId) {
    return call(
        "POST",
        url(key) + "/start",
        Map.of("topic", topic, "processInstanceId", processInstanceId));
  }

  Recorded finish(String key, String result) {
    return call("PUT", url(key), java.util.Collections.singletonMap("result", result));
  }

  private String url(String key) {
    return effectsUrl + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  private Recorded call(String method, String url, Object body) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", authorization)
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "effect ledger answered HTTP %d: %s".formatted(response.statusCode(), response.body()));
      }
      JsonNode effect = json.readTree(response.body());
      return new Recorded(
          effect.path("state").asText(),
          effect.path("result").isNull() ? null : effect.path("result").asText(null));
    } catch (IOException e) {
      throw new IllegalStateException("effect ledger not reachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reaching the effect ledger", e);
    }
  }

  /** An effect's state and, once done, its recorded result (the tool's output as JSON). */
  record Recorded(String state, String result) {
    boolean done() {
      return DONE.equals(state);
    }
  }
}
