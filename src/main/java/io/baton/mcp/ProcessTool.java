package io.baton.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.baton.connectors.extract.SchemaCatalog;
import io.baton.governance.ElementProperties;
import io.baton.models.StrictJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * A process that is an MCP tool, as its diagram declares it in the {@code camunda:properties} of
 * the process: {@code baton.mcp.tool} (the tool's name), {@code baton.mcp.description} (what a
 * model reads to choose it; the process's documentation without it), {@code baton.mcp.inputSchema}
 * (the id of a JSON schema in {@code processes/schemas/} describing the start variables) and {@code
 * baton.mcp.result} (the variables the call answers, comma-separated).
 */
public record ProcessTool(
    String name,
    String description,
    String processKey,
    Map<String, Object> inputSchema,
    List<String> resultVariables) {

  static final String TOOL = "baton.mcp.tool";
  static final String DESCRIPTION = "baton.mcp.description";
  static final String INPUT_SCHEMA = "baton.mcp.inputSchema";
  static final String RESULT = "baton.mcp.result";

  /** The characters MCP allows in a tool name. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  /** The tool a process declares, or empty when it declares none. */
  static Optional<ProcessTool> declaredBy(Process process, SchemaCatalog schemas) {
    ElementProperties properties = ElementProperties.of(process);
    String name = properties.get(TOOL);
    if (name == null) {
      return Optional.empty();
    }
    if (!NAME.matcher(name).matches()) {
      throw invalid(process, "%s '%s' may only use letters, digits, '_', '.' and '-'", TOOL, name);
    }
    String schemaId = properties.get(INPUT_SCHEMA);
    if (schemaId == null) {
      throw invalid(
          process,
          "it declares %s without %s: name the JSON schema of its start variables"
              + " (processes/schemas/<id>.json)",
          TOOL,
          INPUT_SCHEMA);
    }
    return Optional.of(
        new ProcessTool(
            name,
            description(process, properties),
            process.getId(),
            parse(schemas.get(schemaId)),
            properties.list(RESULT)));
  }

  /**
   * The arguments as start variables: numbers as the schema types them ({@code number} a double,
   * {@code integer} a long), as the process's decisions compare them.
   */
  Map<String, Object> startVariables(Map<String, Object> arguments) {
    Map<String, Object> variables = new HashMap<>(arguments);
    arguments.forEach(
        (name, value) -> {
          if (value instanceof Number number) {
            String type = String.valueOf(property(name).get("type"));
            variables.put(name, "integer".equals(type) ? number.longValue() : number.doubleValue());
          }
        });
    return variables;
  }

  /** The schema of one property, empty when the schema does not describe it. */
  Map<String, Object> property(String name) {
    Object properties = inputSchema.get("properties");
    if (properties instanceof Map<?, ?> all && all.get(name) instanceof Map<?, ?> property) {
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) property;
      return typed;
    }
    return Map.of();
  }

  private static String description(Process process, ElementProperties properties) {
    String declared = properties.get(DESCRIPTION);
    if (declared != null) {
      return declared;
    }
    return process.getDocumentations().stream()
        .map(Documentation::getTextContent)
        .filter(text -> text != null && !text.isBlank())
        .findFirst()
        .orElse(process.getName() != null ? process.getName() : process.getId());
  }

  private static Map<String, Object> parse(String schema) {
    try {
      return StrictJson.MAPPER.readValue(schema, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the JSON schema is not a JSON object", e);
    }
  }

  private static IllegalStateException invalid(Process process, String format, Object... args) {
    return new IllegalStateException(
        "process '%s' is not a valid MCP tool: %s"
            .formatted(process.getId(), format.formatted(args)));
  }
}
