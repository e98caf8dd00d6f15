package io.baton.connectors.extract;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Input of the {@code extract} connector.
 *
 * @param text the document to read
 * @param schemaId the id of a JSON schema file in {@code processes/schemas/}; or
 * @param jsonSchema the JSON schema itself
 * @param model the named model that extracts; {@code local} when not given
 */
public record ExtractRequest(
    @NotBlank @Size(max = ExtractRequest.MAX_TEXT_LENGTH) String text,
    String schemaId,
    @Size(max = 20_000) String jsonSchema,
    String model) {

  public static final int MAX_TEXT_LENGTH = 50_000;

  public ExtractRequest {
    model = model == null || model.isBlank() ? "local" : model;
  }

  @AssertTrue(message = "give either a schemaId or a jsonSchema")
  boolean isSchemaIdOrJsonSchema() {
    return (schemaId == null || schemaId.isBlank()) != (jsonSchema == null || jsonSchema.isBlank());
  }
}
