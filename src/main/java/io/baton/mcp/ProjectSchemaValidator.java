package io.baton.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.baton.models.JsonSchemaCheck;
import io.baton.models.StrictJson;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.List;
import java.util.Map;

/**
 * The MCP server checks tool arguments with Baton's {@link JsonSchemaCheck} (the validator every
 * other schema in Baton goes through), not with the SDK's default, which needs another major
 * version of the schema library.
 */
final class ProjectSchemaValidator implements JsonSchemaValidator {

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object content) {
    List<String> problems =
        JsonSchemaCheck.problems(StrictJson.MAPPER.valueToTree(content), json(schema));
    return problems.isEmpty()
        ? ValidationResponse.asValid(null)
        : ValidationResponse.asInvalid(String.join("; ", problems));
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    try {
      JsonSchemaCheck.compile(json(schema));
      return ValidationResponse.asValid(null);
    } catch (IllegalArgumentException e) {
      return ValidationResponse.asInvalid(e.getMessage());
    }
  }

  private static String json(Map<String, Object> schema) {
    try {
      return StrictJson.MAPPER.writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the schema cannot be written as JSON", e);
    }
  }
}
