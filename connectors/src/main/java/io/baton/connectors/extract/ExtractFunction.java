package io.baton.connectors.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.TaskContext;
import io.baton.models.Completions;
import io.baton.models.Extraction;
import io.baton.models.JsonSchemaCheck;
import io.baton.models.Model;
import io.baton.models.ModelRegistry;
import io.baton.models.ModelTask;
import io.baton.models.StrictJson;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.springframework.stereotype.Component;

/**
 * Fills a JSON schema from text on topic {@code baton.extract}. The answer is checked against the
 * schema; when it does not match, the model is asked once more with the problems; when it still
 * does not match, BPMN error {@value #EXTRACTION_INVALID} says why. An unchecked answer never
 * becomes a process variable.
 */
@Component
public class ExtractFunction implements ConnectorFunction<ExtractRequest, ExtractResult> {

  public static final String EXTRACTION_INVALID = "EXTRACTION_INVALID";

  private static final ObjectMapper JSON = StrictJson.MAPPER;

  private final ModelRegistry models;
  private final SchemaCatalog schemas;

  public ExtractFunction(ModelRegistry models, SchemaCatalog schemas) {
    this.models = models;
    this.schemas = schemas;
  }

  @Override
  public String topic() {
    return "baton.extract";
  }

  @Override
  public Class<ExtractRequest> inputType() {
    return ExtractRequest.class;
  }

  @Override
  public ExtractResult apply(ExtractRequest request, TaskContext context) {
    return Completions.join(applyAsync(request, context, Completions.CALLER));
  }

  @Override
  public CompletionStage<ExtractResult> applyAsync(
      ExtractRequest request, TaskContext context, Executor executor) {
    String schema =
        request.jsonSchema() != null ? request.jsonSchema() : schemas.get(request.schemaId());
    JsonSchemaCheck.compile(schema);
    Model model = models.get(request.model());
    return model
        .extractAsync(
            new ModelTask.Extract(request.text(), schema, List.of(), context.callSite()), executor)
        .thenCompose(
            first -> {
              List<String> problems = JsonSchemaCheck.problems(first.json(), schema);
              if (problems.isEmpty()) {
                return CompletableFuture.completedFuture(result(first, 1));
              }
              return model
                  .extractAsync(
                      new ModelTask.Extract(request.text(), schema, problems, context.callSite()),
                      executor)
                  .thenApply(repaired -> repairedResult(repaired, schema));
            });
  }

  private static ExtractResult repairedResult(Extraction repaired, String schema) {
    List<String> remaining = JsonSchemaCheck.problems(repaired.json(), schema);
    if (remaining.isEmpty()) {
      return result(repaired, 2);
    }
    throw new ConnectorBpmnError(
        EXTRACTION_INVALID,
        "model '%s' could not fill the schema after a repair attempt: %s"
            .formatted(repaired.model(), String.join("; ", remaining)));
  }

  private static ExtractResult result(Extraction extraction, int attempts) {
    try {
      Map<String, Object> values =
          JSON.readValue(extraction.json(), new TypeReference<Map<String, Object>>() {});
      return new ExtractResult(values, extraction.model(), extraction.generated(), attempts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a checked extraction is not a JSON object", e);
    }
  }
}
