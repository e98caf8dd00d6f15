package io.baton.models.local;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.baton.models.Embeddings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Embeds text with the all-MiniLM-L6-v2 model that ships inside its Maven artifact (no download).
 * The model is loaded on first use, once per instance; share one instance. Example phrases are
 * embedded once and cached; the cache is bounded by the configured examples.
 */
public class LocalEmbeddings implements Embeddings {

  private static final int MAX_CACHED = 10_000;

  private final Supplier<EmbeddingModel> factory;
  private volatile EmbeddingModel model;
  private final Map<String, Embedding> cache = new ConcurrentHashMap<>();

  public LocalEmbeddings() {
    this.factory = AllMiniLmL6V2EmbeddingModel::new;
  }

  LocalEmbeddings(EmbeddingModel model) {
    this.factory = () -> model;
  }

  public Embedding embed(String text) {
    return model().embed(text).content();
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

  @Override
  public float[] vector(String text) {
    return embed(text).vector();
  }

  @Override
  public List<float[]> vectors(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    return model().embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
        .map(Embedding::vector)
        .toList();
  }

  public static double similarity(Embedding a, Embedding b) {
    return CosineSimilarity.between(a, b);
  }

  private EmbeddingModel model() {
    EmbeddingModel loaded = model;
    if (loaded == null) {
      synchronized (this) {
        loaded = model;
        if (loaded == null) {
          loaded = factory.get();
          model = loaded;
        }
      }
    }
    return loaded;
  }
}
