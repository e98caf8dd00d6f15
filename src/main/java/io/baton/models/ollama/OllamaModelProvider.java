package io.baton.models.ollama;

import dev.langchain4j.model.ollama.OllamaChatModel;
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
    if (settings.endpoint() == null || settings.endpoint().isBlank()) {
      throw ModelSettings.missing(name, "endpoint", "for example http://localhost:11434");
    }
    if (settings.modelName() == null || settings.modelName().isBlank()) {
      throw ModelSettings.missing(name, "model-name", "for example llama3.1");
    }
    OllamaChatModel chat =
        OllamaChatModel.builder()
            .baseUrl(settings.endpoint())
            .modelName(settings.modelName())
            .timeout(settings.timeoutOrDefault())
            .maxRetries(0)
            .httpClientBuilder(ChatHttp.client())
            .build();
    return new ChatModelAdapter(name, PROVIDER, chat, prompts, settings.maxTokens(), true);
  }
}
