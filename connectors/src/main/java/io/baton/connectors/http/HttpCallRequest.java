package io.baton.connectors.http;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.baton.connectors.JsonTextOrValue;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Input of the {@code http} tool.
 *
 * @param endpoint the name of a configured endpoint ({@code baton.tools.http.<name>.base-url}); a
 *     diagram cannot name a host
 * @param method GET, POST, PUT, PATCH or DELETE; GET when not given
 * @param path the path under the endpoint's base URL, such as {@code /shipments/S-1}: no scheme or
 *     host, no {@code ..}, no {@code //}, values percent-encoded
 * @param query query parameters: name to text, number, boolean or a list of them
 * @param body any JSON value, sent as {@code application/json}; JSON text is read as JSON
 * @param outputs process variable name to a JSON path into the response, such as {@code
 *     "shipmentId": "$.id"}; a path with nothing at it sets the variable to null
 */
public record HttpCallRequest(
    @NotBlank @Size(max = 100) String endpoint,
    @Pattern(regexp = "GET|POST|PUT|PATCH|DELETE") String method,
    @NotBlank @Size(max = 2000) String path,
    @JsonDeserialize(using = JsonTextOrValue.class) Map<@NotBlank String, Object> query,
    @JsonDeserialize(using = JsonTextOrValue.class) Object body,
    @JsonDeserialize(using = JsonTextOrValue.class)
        Map<
                @Pattern(
                    regexp = VARIABLE_NAME,
                    message = "must be a variable name: letters, digits and _")
                String,
                @NotBlank String>
            outputs) {

  static final String VARIABLE_NAME = "[A-Za-z_][A-Za-z0-9_]*";

  public HttpCallRequest {
    method = method == null || method.isBlank() ? "GET" : method.strip();
    query = query == null ? Map.of() : query;
    outputs = outputs == null ? Map.of() : outputs;
  }

  @AssertTrue(message = "outputs must not name httpStatus: the tool always sets it")
  boolean isStatusNotAnOutput() {
    return !outputs.containsKey(HttpCallResult.STATUS);
  }

  @AssertTrue(message = "a GET sends no body: leave body empty or choose another method")
  boolean isBodyAllowed() {
    return body == null || !"GET".equals(method);
  }
}
