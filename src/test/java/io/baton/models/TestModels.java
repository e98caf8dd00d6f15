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
      new LocalModelProvider(
          new io.baton.models.local.LocalEmbeddings(), io.baton.models.LearnedExamples.NONE);

  public final List<ModelCallRecord> calls = new CopyOnWriteArrayList<>();

  /** The budget claims of priced calls, in the order they were made. */
  public final List<BudgetClaim> claims = new CopyOnWriteArrayList<>();

  /**
   * What a case may spend, checked as the engine checks it (what the case's calls have cost plus
   * the claim's worst case), when a claim is made.
   */
  public volatile BigDecimal perCase;

  public final PromptCatalog prompts =
      new PromptCatalog("classpath*:processes/prompts/*.json", new ObjectMapper());

  public ModelRegistry registry(Map<String, ModelSettings> models) {
    return registry(
        models, new ModelsProperties.BreakerSettings(50, 10, 4, java.time.Duration.ofSeconds(30)));
  }

  public ModelRegistry registry(
      Map<String, ModelSettings> models, ModelsProperties.BreakerSettings breaker) {
    return new ModelRegistry(
        new ModelsProperties(models, breaker, ModelsProperties.Budgets.NONE),
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
          public void admit(RateClaim claim) {
            throw new UnsupportedOperationException(
                "rate windows are the engine's: tested in CostControlIT");
          }

          @Override
          public void reserve(BudgetClaim claim) {
            claims.add(claim);
            BigDecimal spent =
                calls.stream()
                    .filter(c -> claim.processInstanceId().equals(c.processInstanceId()))
                    .map(ModelCallRecord::cost)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (perCase != null && spent.add(claim.worstCaseCost()).compareTo(perCase) > 0) {
              throw new BudgetExceededException(
                  "process instance %s has spent %s, this call may cost up to %s, its budget is %s (baton.budgets.per-case)"
                      .formatted(claim.processInstanceId(), spent, claim.worstCaseCost(), perCase));
            }
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
        256,
        new java.math.BigDecimal("0.000001"),
        new java.math.BigDecimal("0.000002"),
        null,
        null,
        null,
        null,
        null);
  }

  public static ModelSettings policy(String provider, Double minConfidence, String... models) {
    return new ModelSettings(
        provider,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(models),
        minConfidence,
        null,
        null,
        null);
  }
}
