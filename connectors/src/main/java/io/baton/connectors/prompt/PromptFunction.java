package io.baton.connectors.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.TaskContext;
import io.baton.models.Answer;
import io.baton.models.Completions;
import io.baton.models.ModelOutputException;
import io.baton.models.ModelRegistry;
import io.baton.models.ModelTask;
import io.baton.models.RenderedPrompt;
import io.baton.models.StrictJson;
import io.baton.models.prompts.PromptCatalog;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.springframework.stereotype.Component;

/**
 * Renders a prompt template with the task's variables and asks a model, on topic {@code
 * baton.prompt}. A template that asks for JSON gets the provider's JSON mode, and an answer that is
 * not a JSON object fails the task instead of reaching a gateway.
 */
@Component
public class PromptFunction implements ConnectorFunction<PromptRequest, PromptResult> {

  private static final ObjectMapper JSON = StrictJson.MAPPER;

  private final ModelRegistry models;
  private final PromptCatalog prompts;

  public PromptFunction(ModelRegistry models, PromptCatalog prompts) {
    this.models = models;
    this.prompts = prompts;
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
    return models
        .get(request.model())
        .askAsync(new ModelTask.Ask(prompt, context.callSite()), executor)
        .thenApply(
            answer -> {
              Map<String, Object> json = prompt.json() ? object(answer) : null;
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
