package io.baton.connectors.retrieve;

import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.TaskContext;
import io.baton.connectors.knowledge.KnowledgeBase;
import io.baton.connectors.knowledge.KnowledgeBaseCatalog;
import io.baton.connectors.knowledge.Passage;
import io.baton.connectors.retrieve.RetrieveResult.ScoredPassage;
import io.baton.models.Embeddings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Finds the passages of a knowledge base most similar in meaning to a query, on topic {@code
 * baton.retrieve}. A knowledge base's passages are embedded on its first query and kept. Raises
 * {@value #NO_RELEVANT_SOURCES} when no passage reaches the minimum score, so the diagram can send
 * the case to a person instead of acting without a source.
 */
@Component
public class RetrieveFunction implements ConnectorFunction<RetrieveRequest, RetrieveResult> {

  public static final String NO_RELEVANT_SOURCES = "NO_RELEVANT_SOURCES";

  private final KnowledgeBaseCatalog knowledge;
  private final Embeddings embeddings;
  private final Map<String, List<float[]>> vectors = new ConcurrentHashMap<>();

  public RetrieveFunction(KnowledgeBaseCatalog knowledge, Embeddings embeddings) {
    this.knowledge = knowledge;
    this.embeddings = embeddings;
  }

  @Override
  public String topic() {
    return "baton.retrieve";
  }

  @Override
  public Class<RetrieveRequest> inputType() {
    return RetrieveRequest.class;
  }

  @Override
  public RetrieveResult apply(RetrieveRequest request, TaskContext context) {
    KnowledgeBase base = knowledge.get(request.knowledgeBase());
    List<float[]> passageVectors = vectors.computeIfAbsent(base.id(), id -> embed(base));
    float[] query = embeddings.vector(request.query());
    List<ScoredPassage> scored = new ArrayList<>();
    for (int i = 0; i < base.passages().size(); i++) {
      Passage passage = base.passages().get(i);
      double score = round(Embeddings.cosine(query, passageVectors.get(i)));
      scored.add(new ScoredPassage(passage.sourceId(), passage.title(), passage.text(), score));
    }
    scored.sort(Comparator.comparingDouble(ScoredPassage::score).reversed());
    List<ScoredPassage> relevant =
        scored.stream().filter(p -> p.score() >= request.minScore()).limit(request.topK()).toList();
    if (relevant.isEmpty()) {
      ScoredPassage best = scored.get(0);
      throw new ConnectorBpmnError(
          NO_RELEVANT_SOURCES,
          String.format(
              Locale.ROOT,
              "no passage of knowledge base '%s' reaches the minimum score %.2f for the query;"
                  + " the closest is %s (%s) with %.2f",
              base.id(),
              request.minScore(),
              best.sourceId(),
              best.title(),
              best.score()));
    }
    return new RetrieveResult(
        relevant, relevant.get(0).score(), relevant.stream().map(ScoredPassage::sourceId).toList());
  }

  /** The title is embedded with the text: a heading often names what a short passage is about. */
  private List<float[]> embed(KnowledgeBase base) {
    return embeddings.vectors(
        base.passages().stream().map(p -> p.title() + "\n" + p.text()).toList());
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
