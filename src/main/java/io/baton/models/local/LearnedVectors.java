package io.baton.models.local;

import dev.langchain4j.data.embedding.Embedding;
import io.baton.models.LearnedExamples.LearnedExample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embeddings of learned examples, kept per label set by the example's id and only while the
 * example is still learned: an example removed (its subject erased, its reviewer distrusted) leaves
 * memory at the next classification of its label set. Shipped phrases use the embeddings' own
 * cache; learned texts stay out of it, because they are customers' messages.
 */
final class LearnedVectors {

  private final LocalEmbeddings embeddings;
  private final Map<String, Map<Long, Embedding>> byLabelSet = new ConcurrentHashMap<>();

  LearnedVectors(LocalEmbeddings embeddings) {
    this.embeddings = embeddings;
  }

  /** The embeddings of the label set's current examples, by id; forgets the others. */
  Map<Long, Embedding> of(String labelSet, List<LearnedExample> current) {
    Map<Long, Embedding> known =
        byLabelSet.computeIfAbsent(labelSet, k -> new ConcurrentHashMap<>());
    List<LearnedExample> missing =
        current.stream().filter(e -> !known.containsKey(e.id())).toList();
    if (!missing.isEmpty()) {
      List<float[]> vectors =
          embeddings.vectors(missing.stream().map(LearnedExample::text).toList());
      for (int i = 0; i < missing.size(); i++) {
        known.put(missing.get(i).id(), new Embedding(vectors.get(i)));
      }
    }
    Map<Long, Embedding> vectors = new HashMap<>();
    for (LearnedExample example : current) {
      Embedding vector = known.get(example.id());
      vectors.put(example.id(), vector != null ? vector : embeddings.embed(example.text()));
    }
    known.keySet().retainAll(vectors.keySet());
    return vectors;
  }
}
