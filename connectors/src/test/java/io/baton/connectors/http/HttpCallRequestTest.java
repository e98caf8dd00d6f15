package io.baton.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.ActionDigest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The http tool's input as the worker binds it (and the engine, for the approval digest): query,
 * body and outputs from JSON text, a map or a JSON value, all the same arguments.
 */
class HttpCallRequestTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  private static HttpCallRequest bind(Map<String, Object> variables) {
    return ActionDigest.bind(variables, HttpCallRequest.class);
  }

  @Test
  void should_read_json_text_a_map_and_a_json_value_as_the_same_arguments() {
    Map<String, Object> asText = new HashMap<>();
    asText.put("endpoint", "erp");
    asText.put("method", "PUT");
    asText.put("path", "/shipments/S-1/reroute");
    asText.put("query", "{\"dryRun\": false}");
    asText.put("body", "{\"option\": \"rotterdam\", \"quantity\": 40, \"lines\": [1, 2]}");
    asText.put("outputs", "{\"erpUpdateId\": \"$.updateId\"}");
    Map<String, Object> asValues = new HashMap<>(asText);
    asValues.put("query", Map.of("dryRun", false));
    asValues.put("body", Map.of("option", "rotterdam", "quantity", 40, "lines", List.of(1, 2)));
    asValues.put("outputs", Map.of("erpUpdateId", "$.updateId"));
    Map<String, Object> asJson = new HashMap<>(asText);
    asJson.put("body", ActionDigest.readJson((String) asText.get("body")));
    asJson.put("outputs", ActionDigest.readJson((String) asText.get("outputs")));

    HttpCallRequest fromText = bind(asText);

    assertThat(fromText.query()).isEqualTo(Map.of("dryRun", false));
    assertThat(fromText.body())
        .isEqualTo(Map.of("option", "rotterdam", "quantity", 40, "lines", List.of(1, 2)));
    assertThat(fromText.outputs()).isEqualTo(Map.of("erpUpdateId", "$.updateId"));
    assertThat(ActionDigest.of(bind(asValues))).isEqualTo(ActionDigest.of(fromText));
    assertThat(ActionDigest.of(bind(asJson))).isEqualTo(ActionDigest.of(fromText));
  }

  @Test
  void should_default_to_get_without_query_body_or_outputs() {
    HttpCallRequest request = bind(Map.of("endpoint", "erp", "path", "/stock", "query", ""));

    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.query()).isEmpty();
    assertThat(request.body()).isNull();
    assertThat(request.outputs()).isEmpty();
    assertThat(VALIDATOR.validate(request)).isEmpty();
  }

  @Test
  void should_refuse_text_that_is_not_json_and_a_name_given_twice() {
    assertThatThrownBy(() -> bind(Map.of("endpoint", "erp", "path", "/x", "body", "{\"a\": 1,")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON")
        .hasMessageContaining("body");
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "endpoint",
                        "erp",
                        "path",
                        "/x",
                        "body",
                        "{\"amount\": 1, \"amount\": 1000000}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Duplicate field 'amount'");
  }

  @Test
  void should_refuse_an_unknown_method_a_bad_output_name_httpStatus_as_output_and_a_get_body() {
    assertThat(messages(new HttpCallRequest("erp", "TRACE", "/x", null, null, null)))
        .containsExactly("method: must match \"GET|POST|PUT|PATCH|DELETE\"");
    assertThat(messages(new HttpCallRequest("erp", "GET", "/x", null, null, Map.of("a-b", "$.a"))))
        .containsExactly(
            "outputs<K>[a-b].<map key>: must be a variable name: letters, digits and _");
    assertThat(
            messages(
                new HttpCallRequest("erp", "GET", "/x", null, null, Map.of("httpStatus", "$.s"))))
        .containsExactly(
            "statusNotAnOutput: outputs must not name httpStatus: the tool always sets it");
    assertThat(messages(new HttpCallRequest("erp", "GET", "/x", null, Map.of("a", 1), null)))
        .containsExactly(
            "bodyAllowed: a GET sends no body: leave body empty or choose another method");
    assertThat(messages(new HttpCallRequest(" ", "GET", "", null, null, null)))
        .containsExactlyInAnyOrder("endpoint: must not be blank", "path: must not be blank");
  }

  private static List<String> messages(HttpCallRequest request) {
    Set<ConstraintViolation<HttpCallRequest>> violations = VALIDATOR.validate(request);
    return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).toList();
  }

  @Test
  void should_write_outputs_beside_the_status_and_read_them_back() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    Map<String, Object> outputs = new java.util.LinkedHashMap<>();
    outputs.put("erpUpdateId", "U-1");
    outputs.put("eta", Map.of("days", 3));

    String written = json.writeValueAsString(new HttpCallResult(200, outputs));

    assertThat(written)
        .isEqualTo("{\"httpStatus\":200,\"erpUpdateId\":\"U-1\",\"eta\":{\"days\":3}}");
    assertThat(json.readValue(written, HttpCallResult.class))
        .isEqualTo(new HttpCallResult(200, outputs));
  }
}
