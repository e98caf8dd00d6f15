package io.baton.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.connectors.ActionDigest;
import io.baton.connectors.validate.ValidateResult;
import io.baton.connectors.vocabulary.Verdict;
import io.baton.payloads.PayloadNotFoundException;
import io.baton.payloads.PayloadProperties;
import io.baton.payloads.PayloadRef;
import io.baton.payloads.PayloadStore;
import io.baton.payloads.PayloadTooLargeException;
import io.baton.payloads.Payloads;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.variable.value.JsonValue;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class VariableBindingTest {

  @Test
  void should_write_a_vocabulary_word_as_its_name_so_decision_tables_read_text() {
    VariableBinding binding =
        new VariableBinding(Validation.buildDefaultValidatorFactory().getValidator());

    Map<String, Object> variables =
        binding.toVariables(
            new ValidateResult(Verdict.FAIL, List.of("json: empty"), Map.of(), null));

    assertThat(variables).containsEntry("verdict", "FAIL");
  }

  record Structured(String text, Map<String, Object> parameters) {}

  @Test
  void should_read_a_json_variable_as_json_and_as_its_text_where_the_input_takes_text() {
    VariableBinding binding =
        new VariableBinding(Validation.buildDefaultValidatorFactory().getValidator());
    var json = ActionDigest.readJson("{\"sku\":\"PUMP-200\",\"limit\":3}");

    Structured input = binding.bind(Map.of("text", json, "parameters", json), Structured.class);

    assertThat(input.text()).isEqualTo("{\"sku\":\"PUMP-200\",\"limit\":3}");
    assertThat(input.parameters()).containsEntry("sku", "PUMP-200").containsEntry("limit", 3);
    assertThat(ActionDigest.of(input))
        .as("the engine binds the same arguments to the same digest")
        .isEqualTo(
            ActionDigest.of(
                ActionDigest.bind(Map.of("text", json, "parameters", json), Structured.class)));
  }

  record Answer(String text, List<String> passages, Object extra) {}

  /** The payloads of one case, kept in memory: the store's contract without a database. */
  static final class MemoryPayloads implements PayloadStore {
    final Map<String, String> kept = new java.util.LinkedHashMap<>();

    @Override
    public PayloadRef store(String processInstanceId, String kind, String content) {
      String id = "p" + kept.size();
      kept.put(id, content);
      return new PayloadRef(id, kind, content.length(), "hash");
    }

    @Override
    public String read(String id) {
      String content = kept.get(id);
      if (content == null) {
        throw new PayloadNotFoundException(id);
      }
      return content;
    }
  }

  private static final PayloadProperties LIMITS =
      new PayloadProperties(
          DataSize.ofKilobytes(16), DataSize.ofKilobytes(64), Duration.ofDays(1), List.of());

  @Test
  void should_store_an_output_over_the_inline_limit_and_bind_its_reference_back_whole() {
    MemoryPayloads store = new MemoryPayloads();
    VariableBinding binding =
        new VariableBinding(
            Validation.buildDefaultValidatorFactory().getValidator(), new Payloads(store, LIMITS));
    String longText = "a long model answer. ".repeat(1_000);
    List<String> passages = List.of("passage ".repeat(3_000));

    Map<String, Object> variables =
        binding.storeLarge(binding.toVariables(new Answer(longText, passages, 7)), "case-1");

    assertThat(store.kept).hasSize(2);
    assertThat(variables.get("extra")).isEqualTo(7);
    assertThat(variables.get("text")).isInstanceOf(JsonValue.class);
    String reference = ((JsonValue) variables.get("text")).getValue();
    assertThat(reference).contains("\"batonPayload\"").hasSizeLessThan(200);

    Map<String, Object> read =
        Map.of(
            "text", ActionDigest.readJson(reference),
            "passages", ActionDigest.readJson(((JsonValue) variables.get("passages")).getValue()));
    Map<String, Object> resolved = new java.util.LinkedHashMap<>();
    read.forEach((name, value) -> resolved.put(name, binding.resolved(name, (JsonNode) value)));
    Answer input = binding.bind(resolved, Answer.class);
    assertThat(input.text()).isEqualTo(longText);
    assertThat(input.passages()).isEqualTo(passages);
  }

  @Test
  void should_refuse_an_output_over_the_hard_maximum_and_store_none_of_it() {
    MemoryPayloads store = new MemoryPayloads();
    VariableBinding binding =
        new VariableBinding(
            Validation.buildDefaultValidatorFactory().getValidator(), new Payloads(store, LIMITS));

    var variables =
        binding.toVariables(new Answer("x".repeat(20_000), List.of("y".repeat(70_000)), null));

    assertThatThrownBy(() -> binding.storeLarge(variables, "case-1"))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("'passages'")
        .hasMessageContaining("baton.payloads.max-size");
    assertThat(store.kept).as("nothing stored").isEmpty();
  }

  @Test
  void should_refuse_an_output_that_is_not_json_instead_of_serializing_it_otherwise() {
    VariableBinding binding =
        new VariableBinding(Validation.buildDefaultValidatorFactory().getValidator());

    assertThatThrownBy(() -> binding.toVariables(new Answer("ok", List.of(), new Object())))
        .as("an incident that names the output, not a Java-serialized variable")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the output Answer cannot be written as JSON variables");
  }
}
