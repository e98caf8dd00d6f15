package io.baton.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.models.anthropic.AnthropicModelProvider;
import io.baton.models.local.LocalModelProvider;
import io.baton.models.ollama.OllamaModelProvider;
import io.baton.models.openai.OpenAiModelProvider;
import io.baton.models.prompts.PromptCatalog;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds a model registry from settings the way the application does, with an in-memory audit. */
public final class TestModels {

  public static final LocalModelProvider LOCAL =
      new LocalModelProvider(new io.baton.models.local.LocalEmbeddings());

  public final List<ModelCallRecord> calls = new CopyOnWriteArrayList<>();

  /** The budgets of the registries built from now on. */
  public ModelsProperties.Budgets budgets = ModelsProperties.Budgets.NONE;

  public final PromptCatalog prompts =
      new PromptCatalog("classpath*:processes/prompts/*.json", new ObjectMapper());

  public ModelRegistry registry(Map<String, ModelSettings> models) {
    return registry(
        models, new ModelsProperties.BreakerSettings(50, 10, 4, java.time.Duration.ofSeconds(30)));
  }

  public ModelRegistry registry(
      Map<String, ModelSettings> models, ModelsProperties.BreakerSettings breaker) {
    return new ModelRegistry(
        new ModelsProperties(models, breaker, budgets),
        List.of(
            LOCAL,
            new OpenAiModelProvider(prompts),
            new OllamaModelProvider(prompts),
            new AnthropicModelProvider(prompts)),
        new ModelCallLog() {
          @Override
          public boolean record(ModelCallRecord call) {
            return calls.add(call);
          }

          @Override
          public BigDecimal spentOn(String processInstanceId) {
            return calls.stream()
                .filter(c -> processInstanceId.equals(c.processInstanceId()))
                .map(ModelCallRecord::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
          }
        },
        null);
  }

  public static ModelSettings remote(
      String provider, String modelName, String endpoint, String key) {
    return remote(provider, modelName, endpoint, key, java.time.Duration.ofSeconds(2));
  }

  public static ModelSettings remote(
      String provider, String modelName, String endpoint, String key, java.time.Duration timeout) {
    return new ModelSettings(
        provider,
        modelName,
        endpoint,
        key,
        timeout,
        null,
        new java.math.BigDecimal("0.000001"),
        new java.math.BigDecimal("0.000002"),
        null,
        null,
        null);
  }

  public static ModelSettings policy(String provider, Double minConfidence, String... models) {
    return new ModelSettings(
        provider, null, null, null, null, null, null, null, List.of(models), minConfidence, null);
  }
}
