package io.baton.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.ActionDigest;
import io.baton.connectors.validate.ValidateResult;
import io.baton.connectors.vocabulary.Verdict;
import jakarta.validation.Validation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
