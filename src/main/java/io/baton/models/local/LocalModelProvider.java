package io.baton.models.local;

import io.baton.models.Model;
import io.baton.models.ModelProvider;
import io.baton.models.ModelSettings;
import org.springframework.stereotype.Component;

/** Builds {@code local} models; they share one in-process embedding model. */
@Component
public class LocalModelProvider implements ModelProvider {

  public static final String PROVIDER = "local";

  private final LocalEmbeddings embeddings;

  public LocalModelProvider(LocalEmbeddings embeddings) {
    this.embeddings = embeddings;
  }

  @Override
  public boolean supports(ModelSettings settings) {
    return PROVIDER.equals(settings.provider());
  }

  @Override
  public Model create(String name, ModelSettings settings) {
    return new LocalModel(name, embeddings);
  }
}
