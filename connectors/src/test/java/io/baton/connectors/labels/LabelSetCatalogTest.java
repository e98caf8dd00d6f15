package io.baton.connectors.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelSetCatalogTest {

  @TempDir Path folder;

  @Test
  void should_read_a_label_without_a_risk_as_medium() throws IOException {
    write("intents", "{\"name\": \"GREETING\", \"examples\": [\"Hello\"]}");

    LabelSetCatalog catalog = catalog();

    assertThat(catalog.get("intents").label("GREETING").orElseThrow().risk()).isEqualTo("MEDIUM");
  }

  @Test
  void should_refuse_a_risk_outside_the_vocabulary_naming_the_label_set_and_label()
      throws IOException {
    write(
        "intents", "{\"name\": \"REFUND\", \"risk\": \"SEVERE\", \"examples\": [\"Money back\"]}");

    assertThatThrownBy(this::catalog)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("intents.json")
        .hasMessageContaining(
            "label set 'intents': label 'REFUND' has risk 'SEVERE': use one of"
                + " [LOW, MEDIUM, HIGH, CRITICAL]");
  }

  private void write(String id, String label) throws IOException {
    Files.writeString(
        folder.resolve(id + ".json"), "{\"id\": \"%s\", \"labels\": [%s]}".formatted(id, label));
  }

  private LabelSetCatalog catalog() {
    return new LabelSetCatalog(folder.toUri() + "*.json", new ObjectMapper());
  }
}
