package io.baton.workers;

import io.baton.payloads.PayloadNotFoundException;
import io.baton.payloads.PayloadRef;
import io.baton.payloads.PayloadStore;
import io.baton.payloads.PayloadTooLargeException;
import io.baton.payloads.Payloads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A standalone worker's payload store: it has no database, so payloads go to the engine ({@code
 * POST /api/payloads}, the content as the body) and come back from it ({@code GET
 * /api/payloads/{id}}).
 */
final class RestPayloadStore implements PayloadStore {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final EngineClient engine;

  RestPayloadStore(EngineClient engine) {
    this.engine = engine;
  }

  @Override
  public PayloadRef store(String processInstanceId, String kind, String content) {
    String path =
        "/payloads?processInstanceId=%s&kind=%s".formatted(encode(processInstanceId), encode(kind));
    EngineClient.Answer answer = engine.sendText("POST", path, content, TIMEOUT);
    if (answer.status() == 413) {
      throw new PayloadTooLargeException(detail(answer));
    }
    if (answer.status() == 400) {
      throw new IllegalArgumentException("cannot store a payload: " + detail(answer));
    }
    if (answer.status() != 201) {
      throw refused("store a payload", answer);
    }
    return Payloads.reference(answer.json())
        .orElseThrow(() -> refused("store a payload (no reference came back)", answer));
  }

  @Override
  public String read(String id) {
    EngineClient.Answer answer = engine.sendText("GET", "/payloads/" + encode(id), null, TIMEOUT);
    if (answer.status() == 404) {
      throw new PayloadNotFoundException(id);
    }
    if (answer.status() != 200) {
      throw refused("read payload " + id, answer);
    }
    return answer.body();
  }

  private static String detail(EngineClient.Answer answer) {
    return answer.json().path("detail").asText(answer.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
  }

  private static IllegalStateException refused(String what, EngineClient.Answer answer) {
    return new IllegalStateException(
        "cannot %s: the engine answered HTTP %d %s"
            .formatted(what, answer.status(), answer.body()));
  }
}
