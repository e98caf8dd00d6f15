package io.baton.models.local;

import io.baton.models.Model;
import io.baton.models.ModelProvider;
import io.baton.models.ModelSettings;
import org.springframework.stereotype.Component;

/** Builds {@code local} models; they share one in-process embedding model. */
@Component
public class LocalModelProvider implements ModelProvider {

  public static final String PROVIDER = "local";

  private volatile LocalEmbeddings embeddings;

  @Override
  public boolean supports(ModelSettings settings) {
    return PROVIDER.equals(settings.provider());
  }

  @Override
  public Model create(String name, ModelSettings settings) {
    return new LocalModel(name, embeddings());
  }

  private LocalEmbeddings embeddings() {
    if (embeddings == null) {
      synchronized (this) {
        if (embeddings == null) {
          embeddings = new LocalEmbeddings();
        }
      }
    }
    return embeddings;
  }
}
