package io.baton.models.anthropic;

import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import io.baton.models.Model;
import io.baton.models.ModelProvider;
import io.baton.models.ModelSettings;
import io.baton.models.chat.ChatHttp;
import io.baton.models.chat.ChatModelAdapter;
import io.baton.models.prompts.PromptCatalog;
import org.springframework.stereotype.Component;

/** Builds {@code anthropic} models (Claude), through langchain4j. */
@Component
public class AnthropicModelProvider implements ModelProvider {

  public static final String PROVIDER = "anthropic";
  private static final int DEFAULT_MAX_TOKENS = 1024;

  private final PromptCatalog prompts;

  public AnthropicModelProvider(PromptCatalog prompts) {
    this.prompts = prompts;
  }

  @Override
  public boolean supports(ModelSettings settings) {
    return PROVIDER.equals(settings.provider());
  }

  @Override
  public Model create(String name, ModelSettings settings) {
    String apiKey = ModelSettings.required(name, "api-key", settings.apiKey(), null);
    String modelName =
        ModelSettings.required(
            name, "model-name", settings.modelName(), "for example claude-3-5-haiku-latest");
    // Anthropic requires a token limit on every request
    int maxTokens = settings.maxTokens() == null ? DEFAULT_MAX_TOKENS : settings.maxTokens();
    AnthropicStreamingChatModel.AnthropicStreamingChatModelBuilder chat =
        AnthropicStreamingChatModel.builder()
            .apiKey(apiKey)
            .modelName(modelName)
            .timeout(settings.timeoutOrDefault())
            .maxTokens(maxTokens)
            .httpClientBuilder(ChatHttp.client());
    if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
      chat.baseUrl(settings.endpoint());
    }
    // no JSON response mode: Baton's prompts ask for JSON and the answers are parsed strictly
    return new ChatModelAdapter(
        name, PROVIDER, chat.build(), prompts, maxTokens, false, !settings.sendsPersonalData());
  }
}
