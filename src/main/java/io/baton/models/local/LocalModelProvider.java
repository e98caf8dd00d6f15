package io.baton.models.local;

import io.baton.models.LearnedExamples;
import io.baton.models.Model;
import io.baton.models.ModelProvider;
import io.baton.models.ModelSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Builds {@code local} models; they share one in-process embedding model and the examples learned
 * from reviewers (none where the application has no {@link LearnedExamples}).
 */
@Component
public class LocalModelProvider implements ModelProvider {

  public static final String PROVIDER = "local";

  private final LocalEmbeddings embeddings;
  private final LearnedExamples learned;

  @Autowired
  public LocalModelProvider(LocalEmbeddings embeddings, ObjectProvider<LearnedExamples> learned) {
    this(embeddings, learned.getIfAvailable(() -> LearnedExamples.NONE));
  }

  public LocalModelProvider(LocalEmbeddings embeddings, LearnedExamples learned) {
    this.embeddings = embeddings;
    this.learned = learned;
  }

  @Override
  public boolean supports(ModelSettings settings) {
    return PROVIDER.equals(settings.provider());
  }

  @Override
  public Model create(String name, ModelSettings settings) {
    return new LocalModel(name, embeddings, learned);
  }
}
