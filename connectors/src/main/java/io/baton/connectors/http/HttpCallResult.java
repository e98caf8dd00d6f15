package io.baton.connectors.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Output of the {@code http} tool: {@code httpStatus}, and one variable per requested output. The
 * outputs are written beside {@code httpStatus} ({@code {"httpStatus": 200, "shipmentId": "S-1"}}),
 * so the effect ledger's record of a call replays as the same variables.
 *
 * @param httpStatus the response's status code
 * @param outputs variable name to the value its JSON path found (null when it found nothing)
 */
public record HttpCallResult(
    int httpStatus, @JsonAnyGetter @JsonAnySetter Map<String, Object> outputs) {

  static final String STATUS = "httpStatus";

  public HttpCallResult {
    outputs = outputs == null ? new LinkedHashMap<>() : new LinkedHashMap<>(outputs);
  }
}
