package io.baton.connectors.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import com.networknt.schema.resource.SchemaLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every element template is valid against the Camunda 7 element template schema, so Camunda Modeler
 * accepts it.
 *
 * <p>The schema is a pinned copy of {@code resources/schema.json} from the npm package <code>
 * &#64;camunda/element-templates-json-schema</code> 0.22.1 (MIT; the Camunda 7 schema, not the
 * zeebe one). Its {@code $id} is mapped to that copy and every other location is refused, so no
 * network is used.
 */
class ElementTemplateSchemaTest {

  private static final String SCHEMA_ID = "http://camunda.org/schema/element-templates/1.0";
  private static final String PINNED_SCHEMA =
      "classpath:element-templates/element-templates-schema-0.22.1.json";

  /** Refuses every location but the classpath, so a stray $ref cannot reach the network. */
  private static final SchemaLoader CLASSPATH_ONLY =
      new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:"));

  private static final JsonSchema SCHEMA = schema();

  static List<Path> templates() {
    return java.util.stream.Stream.concat(
            ElementTemplates.files().stream(), ElementTemplates.governanceFiles().stream())
        .toList();
  }

  @Test
  void there_are_templates_to_validate() {
    assertThat(templates()).as("templates in %s", ElementTemplates.FOLDER).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void template_is_valid_for_camunda_7(Path file) {
    assertThat(SCHEMA.validate(ElementTemplates.read(file)))
        .as("%s against element-templates-json-schema 0.22.1", file)
        .isEmpty();
  }

  @Test
  void a_template_without_properties_is_rejected() {
    ObjectNode template = aTemplate();
    template.remove("properties");

    assertThat(messages(SCHEMA.validate(template))).anyMatch(m -> m.contains("'properties'"));
  }

  @Test
  void a_binding_type_camunda_7_does_not_know_is_rejected() {
    ObjectNode template = aTemplate();
    ObjectNode binding = (ObjectNode) template.path("properties").path(0).path("binding");
    binding.put("type", "zeebe:input");

    assertThat(messages(SCHEMA.validate(template)))
        .anyMatch(m -> m.contains("properties[0].binding.type"));
  }

  @Test
  void an_input_parameter_without_a_name_is_rejected() {
    ObjectNode template = aTemplate();
    JsonNode input = ElementTemplates.properties(template, "camunda:inputParameter").get(0);
    ((ObjectNode) input.path("binding")).remove("name");

    assertThat(messages(SCHEMA.validate(template))).anyMatch(m -> m.contains("'name'"));
  }

  private static ObjectNode aTemplate() {
    return (ObjectNode) ElementTemplates.read(templates().get(0));
  }

  private static List<String> messages(Set<ValidationMessage> errors) {
    return errors.stream().map(ValidationMessage::getMessage).toList();
  }

  private static JsonSchema schema() {
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V7,
            builder ->
                builder
                    .schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_ID, PINNED_SCHEMA))
                    .schemaLoaders(loaders -> loaders.values(all -> all.add(0, CLASSPATH_ONLY))));
    return factory.getSchema(SchemaLocation.of(SCHEMA_ID));
  }
}
