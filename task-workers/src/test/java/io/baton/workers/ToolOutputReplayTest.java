package io.baton.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.http.HttpCallResult;
import jakarta.validation.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * A tool's output as the effect ledger records it (JSON) and replays it on a repeated attempt: the
 * same variables as the first attempt set, so a process cannot tell the two apart.
 */
class ToolOutputReplayTest {

  private final VariableBinding binding =
      new VariableBinding(Validation.buildDefaultValidatorFactory().getValidator());

  @Test
  void should_replay_an_http_call_as_the_variables_it_first_set() {
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("erpUpdateId", "U-17");
    outputs.put("eta", Map.of("days", 3, "port", "RTM"));
    outputs.put("legs", List.of("HAM", "RTM"));
    outputs.put("cost", 1250.5);
    outputs.put("urgent", true);
    outputs.put("missing", null);
    HttpCallResult result = new HttpCallResult(200, outputs);

    Map<String, Object> first = binding.toVariables(result);
    String recorded = binding.toJson(result);
    Map<String, Object> replayed = binding.variablesFromJson(recorded);

    assertThat(recorded)
        .startsWith("{\"httpStatus\":200,\"erpUpdateId\":\"U-17\",")
        .doesNotContain("outputs");
    assertThat(first.keySet())
        .containsExactly("httpStatus", "erpUpdateId", "eta", "legs", "cost", "urgent", "missing");
    assertThat(first.get("eta")).isInstanceOf(JsonValue.class);
    assertThat(first.get("legs")).isInstanceOf(JsonValue.class);
    assertThat(replayed.keySet()).containsExactlyElementsOf(first.keySet());
    first.forEach(
        (name, value) -> assertThat(plain(replayed.get(name))).as(name).isEqualTo(plain(value)));
  }

  private static Object plain(Object value) {
    return value instanceof JsonValue json ? json.getValue() : value;
  }
}
