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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's effect ledger ({@code /api/effects}), as the workers' service account reaches it. An
 * attempt names itself as the lease owner; it may act only when the ledger says it holds the lease.
 */
final class EffectLedgerClient {

  static final String DONE = "DONE";
  static final String STARTED = "STARTED";

  private final String effectsUrl;
  private final String authorization;
  private final HttpClient http = EngineHttp.client();
  private final ObjectMapper json = new ObjectMapper();

  EffectLedgerClient(String engineRestUrl, String username, String password) {
    String base = engineRestUrl.replaceAll("/engine-rest/?$", "");
    this.effectsUrl = base + "/api/effects/";
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Registers this attempt; the answer says whether it holds the lease, or the effect is done, or
   * the tool's approval gate refused it (for the digest of the input it would act with).
   */
  Recorded start(
      String key,
      String topic,
      String processInstanceId,
      String owner,
      Duration lease,
      String externalTaskId,
      String digest) {
    return call(
        "POST",
        url(key) + "/start",
        Map.of(
            "topic",
            topic,
            "processInstanceId",
            processInstanceId,
            "owner",
            owner,
            "leaseMillis",
            lease.toMillis(),
            "externalTaskId",
            externalTaskId,
            "digest",
            digest));
  }

  /** Extends the lease from now; zero gives it up. Throws {@link LeaseLost} when not held. */
  Recorded renew(String key, String owner, Duration lease) {
    return call(
        "PUT", url(key) + "/lease", Map.of("owner", owner, "leaseMillis", lease.toMillis()));
  }

  /** Records the result; throws {@link LeaseLost} when another attempt holds the effect now. */
  Recorded finish(String key, String owner, String result) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("owner", owner);
    body.put("result", result);
    return call("PUT", url(key), body);
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
      if (response.statusCode() == 409) {
        throw new LeaseLost("the effect ledger answered 409 to " + method + " " + url);
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "effect ledger answered HTTP %d: %s".formatted(response.statusCode(), response.body()));
      }
      JsonNode effect = json.readTree(response.body());
      return new Recorded(
          effect.path("state").asText(),
          effect.path("result").isNull() ? null : effect.path("result").asText(null),
          effect.path("leaseOwner").asText(null),
          effect.path("leaseMillisLeft").asLong());
    } catch (IOException e) {
      throw new IllegalStateException("effect ledger not reachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reaching the effect ledger", e);
    }
  }

  /**
   * An effect's state, its recorded result once done (the tool's output as JSON), and which attempt
   * holds its lease for how much longer.
   */
  record Recorded(String state, String result, String leaseOwner, long leaseMillisLeft) {
    boolean done() {
      return DONE.equals(state);
    }

    /** The approval gate refused the attempt; {@code result} holds the reason. */
    boolean refused() {
      return "REFUSED".equals(state);
    }

    boolean heldBy(String owner) {
      return STARTED.equals(state) && owner.equals(leaseOwner);
    }
  }

  /** This attempt does not hold the effect's lease (any more): it must not act or record. */
  static final class LeaseLost extends IllegalStateException {
    LeaseLost(String message) {
      super(message);
    }
  }
}
