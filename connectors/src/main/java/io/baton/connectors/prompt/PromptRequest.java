package io.baton.connectors.prompt;

import io.baton.connectors.ProcessVariables;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;

/**
 * Input of the {@code prompt} connector.
 *
 * @param promptId the id of a prompt template in {@code processes/prompts/}
 * @param promptVersion the template's version; the latest when not given
 * @param model the named model to ask; it must be generative
 * @param schemaId a JSON schema in {@code processes/schemas/} the answer must fit; for templates
 *     that ask for JSON
 * @param variables the process variables; the template's placeholders are filled from them
 */
public record PromptRequest(
    @NotBlank String promptId,
    @Min(1) Integer promptVersion,
    @NotBlank String model,
    String schemaId,
    @ProcessVariables Map<String, Object> variables) {

  public PromptRequest(
      String promptId, Integer promptVersion, String model, Map<String, Object> variables) {
    this(promptId, promptVersion, model, null, variables);
  }
}
