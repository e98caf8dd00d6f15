package io.baton.workers;

import static org.assertj.core.api.Assertions.assertThat;

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
}
