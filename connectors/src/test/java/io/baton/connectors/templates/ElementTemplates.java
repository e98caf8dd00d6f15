package io.baton.connectors.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The connectors' element templates: one {@code <connector>.json} per connector. */
final class ElementTemplates {

  /** Where the templates are maintained. */
  static final Path FOLDER = Path.of("connectors", "element-templates");

  /**
   * Baton's governance templates (routing, review): they configure engine-side building blocks, not
   * connectors; Modeler sees them as {@code governance-<name>.json}.
   */
  static final Path GOVERNANCE_FOLDER = FOLDER.resolve("governance");

  /** Where Camunda Modeler looks for them: beside a diagram or in any folder above it. */
  static final Path MODELER_FOLDER = Path.of(".camunda", "element-templates");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ElementTemplates() {}

  static List<Path> files() {
    return files(FOLDER);
  }

  static List<Path> governanceFiles() {
    return files(GOVERNANCE_FOLDER);
  }

  /** The name of a template's copy in {@link #MODELER_FOLDER}. */
  static String modelerName(Path file) {
    return file.startsWith(GOVERNANCE_FOLDER)
        ? "governance-" + file.getFileName()
        : file.getFileName().toString();
  }

  static List<Path> files(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code classify} for {@code classify.json}. */
  static String connector(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".json".length());
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The template's scopes of the given type, such as bpmn:Error. */
  static List<JsonNode> scopes(JsonNode template, String scopeType) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode scope : template.path("scopes")) {
      if (scopeType.equals(scope.path("type").asText())) {
        found.add(scope);
      }
    }
    return found;
  }

  /** The template's properties whose binding has the given type, such as camunda:inputParameter. */
  static List<JsonNode> properties(JsonNode template, String bindingType) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode property : template.path("properties")) {
      if (bindingType.equals(property.path("binding").path("type").asText())) {
        found.add(property);
      }
    }
    return found;
  }
}
