package io.baton.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks JSON text against a JSON schema (draft 2020-12 unless the schema says otherwise) and says
 * what is wrong in words a model or a reviewer can act on. Compiled schemas are cached.
 */
public final class JsonSchemaCheck {

  private static final ObjectMapper JSON = StrictJson.MAPPER;
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final JsonSchema META_SCHEMA =
      FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 1_000;

  private JsonSchemaCheck() {}

  /** The problems of a JSON text against a schema; empty when it is valid. */
  public static List<String> problems(String json, String schema) {
    JsonNode document;
    try {
      document = json == null ? null : JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return List.of("the answer is not valid JSON: " + e.getOriginalMessage());
    }
    if (document == null || document.isMissingNode()) {
      return List.of("the answer is empty");
    }
    return problems(document, schema);
  }

  public static List<String> problems(JsonNode document, String schema) {
    return compile(schema).validate(document).stream()
        .map(ValidationMessage::getMessage)
        .sorted()
        .toList();
  }

  /** Compiles a schema, or says why it is not one. */
  public static JsonSchema compile(String schema) {
    JsonSchema compiled = SCHEMAS.get(schema);
    if (compiled != null) {
      return compiled;
    }
    try {
      JsonNode document = JSON.readTree(schema);
      List<String> problems =
          META_SCHEMA.validate(document).stream().map(ValidationMessage::getMessage).toList();
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
      compiled = FACTORY.getSchema(document);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("the JSON schema is not valid: " + e.getMessage(), e);
    }
    if (SCHEMAS.size() < MAX_CACHED) {
      SCHEMAS.put(schema, compiled);
    }
    return compiled;
  }
}
