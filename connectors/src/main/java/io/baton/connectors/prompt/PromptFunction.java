package io.baton.connectors.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.TaskContext;
import io.baton.connectors.extract.SchemaCatalog;
import io.baton.models.Answer;
import io.baton.models.Completions;
import io.baton.models.JsonSchemaCheck;
import io.baton.models.Model;
import io.baton.models.ModelNotGenerativeException;
import io.baton.models.ModelOutputException;
import io.baton.models.ModelRegistry;
import io.baton.models.ModelTask;
import io.baton.models.RenderedPrompt;
import io.baton.models.StrictJson;
import io.baton.models.prompts.PromptCatalog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.springframework.stereotype.Component;

/**
 * Renders a prompt template with the task's variables and asks a model, on topic {@code
 * baton.prompt}. A template that asks for JSON gets the provider's JSON mode, and an answer that is
 * not a JSON object fails the task instead of reaching a gateway; with a schema, an answer that
 * does not fit it raises {@value #ANSWER_INVALID}. A model that cannot write (the offline {@code
 * local}) raises {@value #NO_GENERATIVE_MODEL}, so a diagram can take another path, such as a
 * decision table.
 */
@Component
public class PromptFunction implements ConnectorFunction<PromptRequest, PromptResult> {

  public static final String ANSWER_INVALID = "ANSWER_INVALID";
  public static final String NO_GENERATIVE_MODEL = "NO_GENERATIVE_MODEL";

  private static final ObjectMapper JSON = StrictJson.MAPPER;

  private final ModelRegistry models;
  private final PromptCatalog prompts;
  private final SchemaCatalog schemas;

  public PromptFunction(ModelRegistry models, PromptCatalog prompts, SchemaCatalog schemas) {
    this.models = models;
    this.prompts = prompts;
    this.schemas = schemas;
  }

  @Override
  public String topic() {
    return "baton.prompt";
  }

  @Override
  public Class<PromptRequest> inputType() {
    return PromptRequest.class;
  }

  @Override
  public PromptResult apply(PromptRequest request, TaskContext context) {
    return Completions.join(applyAsync(request, context, Completions.CALLER));
  }

  @Override
  public CompletionStage<PromptResult> applyAsync(
      PromptRequest request, TaskContext context, Executor executor) {
    RenderedPrompt prompt =
        prompts
            .get(request.promptId(), request.promptVersion())
            .render(request.variables() == null ? Map.of() : request.variables());
    String schema = request.schemaId() == null ? null : schemas.get(request.schemaId());
    if (schema != null && !prompt.json()) {
      throw new IllegalArgumentException(
          "prompt %s does not ask for JSON, so its answer cannot fit schema '%s'"
              .formatted(prompt.ref(), request.schemaId()));
    }
    Model model = models.get(request.model());
    if (!model.generative()) {
      throw new ConnectorBpmnError(
          NO_GENERATIVE_MODEL,
          new ModelNotGenerativeException(request.model(), "answer a free prompt").getMessage());
    }
    return model
        .askAsync(new ModelTask.Ask(prompt, context.callSite()), executor)
        .thenApply(
            answer -> {
              Map<String, Object> json = prompt.json() ? object(answer) : null;
              if (schema != null) {
                List<String> problems = JsonSchemaCheck.problems(JSON.valueToTree(json), schema);
                if (!problems.isEmpty()) {
                  throw new ConnectorBpmnError(
                      ANSWER_INVALID,
                      "the answer of model '%s' does not fit schema '%s': %s"
                          .formatted(answer.model(), request.schemaId(), problems));
                }
              }
              return new PromptResult(answer.text(), json, answer.model(), prompt.ref().toString());
            });
  }

  private static Map<String, Object> object(Answer answer) {
    try {
      return JSON.readValue(answer.text(), new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ModelOutputException(answer.model(), "answered no JSON object: " + e.getMessage());
    }
  }
}
