package io.baton.models.openai;

import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.baton.models.Model;
import io.baton.models.ModelProvider;
import io.baton.models.ModelSettings;
import io.baton.models.chat.ChatHttp;
import io.baton.models.chat.ChatModelAdapter;
import io.baton.models.prompts.PromptCatalog;
import org.springframework.stereotype.Component;

/**
 * Builds {@code openai} models: OpenAI itself, or any OpenAI-compatible server (vLLM, llama.cpp, LM
 * Studio, Ollama's {@code /v1}) at {@code endpoint}. OpenAI itself needs an api key; a server of
 * your own may not.
 */
@Component
public class OpenAiModelProvider implements ModelProvider {

  public static final String PROVIDER = "openai";
  static final String OPENAI_ENDPOINT = "https://api.openai.com/v1";

  private final PromptCatalog prompts;

  public OpenAiModelProvider(PromptCatalog prompts) {
    this.prompts = prompts;
  }

  @Override
  public boolean supports(ModelSettings settings) {
    return PROVIDER.equals(settings.provider());
  }

  @Override
  public Model create(String name, ModelSettings settings) {
    String modelName =
        ModelSettings.required(name, "model-name", settings.modelName(), "for example gpt-4o-mini");
    boolean openAi = settings.endpoint() == null || settings.endpoint().isBlank();
    boolean hasKey = settings.apiKey() != null && !settings.apiKey().isBlank();
    if (openAi && !hasKey) {
      throw ModelSettings.missing(
          name, "api-key", "or set its endpoint to an OpenAI-compatible server of your own");
    }
    OpenAiStreamingChatModel chat =
        OpenAiStreamingChatModel.builder()
            .baseUrl(openAi ? OPENAI_ENDPOINT : settings.endpoint())
            .apiKey(hasKey ? settings.apiKey() : "none")
            .modelName(modelName)
            .timeout(settings.timeoutOrDefault())
            .httpClientBuilder(ChatHttp.client())
            .build();
    return new ChatModelAdapter(
        name, PROVIDER, chat, prompts, settings.maxTokens(), true, !settings.sendsPersonalData());
  }
}
