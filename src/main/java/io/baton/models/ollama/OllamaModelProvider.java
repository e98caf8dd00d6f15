package io.baton.models.ollama;

import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import io.baton.models.Model;
import io.baton.models.ModelProvider;
import io.baton.models.ModelSettings;
import io.baton.models.chat.ChatHttp;
import io.baton.models.chat.ChatModelAdapter;
import io.baton.models.prompts.PromptCatalog;
import org.springframework.stereotype.Component;

/** Builds {@code ollama} models, served by an Ollama server at {@code endpoint}. */
@Component
public class OllamaModelProvider implements ModelProvider {

  public static final String PROVIDER = "ollama";

  private final PromptCatalog prompts;

  public OllamaModelProvider(PromptCatalog prompts) {
    this.prompts = prompts;
  }

  @Override
  public boolean supports(ModelSettings settings) {
    return PROVIDER.equals(settings.provider());
  }

  @Override
  public Model create(String name, ModelSettings settings) {
    String endpoint =
        ModelSettings.required(
            name, "endpoint", settings.endpoint(), "for example http://localhost:11434");
    String modelName =
        ModelSettings.required(name, "model-name", settings.modelName(), "for example llama3.1");
    OllamaStreamingChatModel chat =
        OllamaStreamingChatModel.builder()
            .baseUrl(endpoint)
            .modelName(modelName)
            .timeout(settings.timeoutOrDefault())
            .httpClientBuilder(ChatHttp.client())
            .build();
    return new ChatModelAdapter(
        name, PROVIDER, chat, prompts, settings.maxTokens(), true, !settings.sendsPersonalData());
  }
}
