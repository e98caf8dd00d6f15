package io.baton.models;

import static io.baton.models.TestModels.policy;
import static io.baton.models.TestModels.remote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

  private final TestModels models = new TestModels();

  @Test
  void should_name_the_missing_api_key_of_an_openai_model() {
    assertThatThrownBy(
            () -> models.registry(Map.of("smart", remote("openai", "gpt-4o-mini", null, null))))
        .hasMessageContaining("model 'smart' has no api-key")
        .hasMessageContaining("BATON_MODELS_SMART_API_KEY");
  }

  @Test
  void should_build_an_openai_compatible_model_of_your_own_without_a_key() {
    ModelRegistry registry =
        models.registry(Map.of("own", remote("openai", "llama3", "http://127.0.0.1:1/v1", null)));
    assertThat(registry.get("own").provider()).isEqualTo("openai");
    assertThat(registry.get("own").generative()).isTrue();
  }

  @Test
  void should_name_the_missing_settings_of_ollama_and_anthropic() {
    assertThatThrownBy(
            () -> models.registry(Map.of("on-prem", remote("ollama", "llama3", null, null))))
        .hasMessageContaining("model 'on-prem' has no endpoint")
        .hasMessageContaining("BATON_MODELS_ON_PREM_ENDPOINT");
    assertThatThrownBy(
            () -> models.registry(Map.of("claude", remote("anthropic", null, null, "k"))))
        .hasMessageContaining("model 'claude' has no model-name")
        .hasMessageContaining("BATON_MODELS_CLAUDE_MODEL_NAME");
    assertThatThrownBy(
            () -> models.registry(Map.of("claude", remote("anthropic", "claude-x", null, null))))
        .hasMessageContaining("BATON_MODELS_CLAUDE_API_KEY");
  }

  @Test
  void should_reject_an_unknown_provider_and_a_missing_provider() {
    assertThatThrownBy(() -> models.registry(Map.of("x", ModelSettings.of("gemini"))))
        .hasMessageContaining("provider 'gemini', which this build does not have");
    assertThatThrownBy(() -> models.registry(Map.of("x", ModelSettings.of(null))))
        .hasMessageContaining("model 'x' has no provider");
  }

  @Test
  void should_reject_routing_to_an_unknown_model_or_in_a_loop() {
    assertThatThrownBy(
            () ->
                models.registry(
                    Map.of(
                        "local", ModelSettings.of("local"),
                        "chain", policy("fallback", null, "smart", "local"))))
        .hasMessageContaining("routes to 'smart', which is not configured");
    Map<String, ModelSettings> loop = new LinkedHashMap<>();
    loop.put("a", policy("fallback", null, "b"));
    loop.put("b", policy("fallback", null, "a"));
    assertThatThrownBy(() -> models.registry(loop)).hasMessageContaining("loop");
  }

  @Test
  void should_require_a_confidence_threshold_for_a_cascade() {
    assertThatThrownBy(
            () ->
                models.registry(
                    Map.of(
                        "local", ModelSettings.of("local"),
                        "cheap-first", policy("cascade", null, "local", "local"))))
        .hasMessageContaining("model 'cheap-first' has no min-confidence")
        .hasMessageContaining("BATON_MODELS_CHEAP_FIRST_MIN_CONFIDENCE");
  }

  @Test
  void should_never_show_the_api_key() {
    ModelSettings settings = remote("openai", "gpt-4o-mini", null, "sk-secret-value");
    assertThat(settings.toString()).doesNotContain("sk-secret-value").contains("***");
  }
}
