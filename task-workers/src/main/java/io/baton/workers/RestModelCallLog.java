package io.baton.workers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.baton.models.ModelCallLog;
import io.baton.models.ModelCallRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A standalone worker's audit of model calls: it has no database, so each call is sent to the
 * engine's {@code POST /api/model-calls}. A call that cannot be recorded fails the task rather than
 * go unaudited.
 */
final class RestModelCallLog implements ModelCallLog {

  private static final int ATTEMPTS = 3;

  private final URI url;
  private final String authorization;
  private final HttpClient http = EngineHttp.client();
  private final ObjectMapper json =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  RestModelCallLog(String engineRestUrl, String username, String password) {
    this.url = URI.create(engineRestUrl.replaceAll("/engine-rest/?$", "") + "/api/model-calls");
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public BigDecimal spentOn(String processInstanceId) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    url
                        + "/spent?processInstanceId="
                        + URLEncoder.encode(processInstanceId, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", authorization)
            .GET()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "cannot read what process instance %s has spent at %s: HTTP %d %s"
                .formatted(processInstanceId, url, response.statusCode(), response.body()));
      }
      return new BigDecimal(json.readTree(response.body()).path("cost").asText("0"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read what process instance %s has spent at %s: %s"
              .formatted(processInstanceId, url, e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a case's spending", e);
    }
  }

  @Override
  public boolean record(ModelCallRecord call) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(url)
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", authorization)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(call)))
              .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a model call record", e);
    }
    String failure = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        // 201: kept; 200: an earlier attempt of this report was kept (its answer was lost)
        if (response.statusCode() == 201 || response.statusCode() == 200) {
          return response.statusCode() == 201;
        }
        failure = "HTTP " + response.statusCode() + " " + response.body();
        if (response.statusCode() < 500) {
          break; // refused: sending it again will not help
        }
      } catch (IOException e) {
        failure = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = "interrupted";
        break;
      }
    }
    throw new IllegalStateException("cannot record a model call at " + url + ": " + failure);
  }
}
