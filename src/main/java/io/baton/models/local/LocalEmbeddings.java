package io.baton.models.local;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embeds text with the all-MiniLM-L6-v2 model that ships inside its Maven artifact (no download).
 * Example phrases are embedded once and cached; the cache is bounded by the configured examples.
 */
public class LocalEmbeddings {

  private static final int MAX_CACHED = 10_000;

  private final EmbeddingModel model;
  private final Map<String, Embedding> cache = new ConcurrentHashMap<>();

  public LocalEmbeddings() {
    this(new AllMiniLmL6V2EmbeddingModel());
  }

  LocalEmbeddings(EmbeddingModel model) {
    this.model = model;
  }

  public Embedding embed(String text) {
    return model.embed(text).content();
  }

  /** Embeds a phrase that is used again and again, such as a labelled example. */
  public Embedding embedCached(String text) {
    Embedding cached = cache.get(text);
    if (cached != null) {
      return cached;
    }
    Embedding embedding = embed(text);
    if (cache.size() < MAX_CACHED) {
      cache.put(text, embedding);
    }
    return embedding;
  }

  public static double similarity(Embedding a, Embedding b) {
    return CosineSimilarity.between(a, b);
  }
}
