package io.baton.connectors.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.RetryLaterException;
import io.baton.connectors.ToolConnector;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts {@code {"message", "recipient"}} as JSON to {@code baton.notify.webhook-url} with an {@code
 * Idempotency-Key} header, on topic {@code baton.notify}. The URL is configuration, never process
 * data, so no model output can choose where a message goes.
 */
@Component
public class NotifyFunction implements ToolConnector<NotifyRequest, NotifyResult> {

  private final String webhookUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  public NotifyFunction(@Value("${baton.notify.webhook-url:}") String webhookUrl) {
    this.webhookUrl = webhookUrl;
  }

  @Override
  public String topic() {
    return "baton.notify";
  }

  @Override
  public Class<NotifyRequest> inputType() {
    return NotifyRequest.class;
  }

  @Override
  public NotifyResult act(NotifyRequest input, String idempotencyKey) {
    if (webhookUrl == null || webhookUrl.isBlank()) {
      throw new IllegalStateException(
          "notify has no webhook: set baton.notify.webhook-url (BATON_NOTIFY_WEBHOOK_URL)");
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("message", input.message());
    body.put("recipient", input.recipient());
    if (input.aiGeneratedBy() != null && !input.aiGeneratedBy().isBlank()) {
      body.put("aiGeneratedBy", input.aiGeneratedBy().strip());
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(webhookUrl))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(write(body)))
            .build();
    HttpResponse<Void> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new IllegalStateException("webhook not reachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while notifying", e);
    }
    int status = response.statusCode();
    if (status == 429) {
      long seconds = response.headers().firstValueAsLong("Retry-After").orElse(30);
      throw new RetryLaterException(
          "webhook asked to retry later (429)", Duration.ofSeconds(seconds));
    }
    if (status >= 300) {
      throw new IllegalStateException("webhook answered HTTP " + status);
    }
    return new NotifyResult(status, idempotencyKey);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
