package io.baton.connectors.memory;

import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.TaskContext;
import io.baton.connectors.memory.RecallResult.Memory;
import io.baton.models.Embeddings;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Recalls what Baton keeps about a subject, on topic {@code baton.recall}: the entries most similar
 * in meaning to the query, newer ones a little ahead ({@link RecallRanking}), as many as fit the
 * token budget. Recalling nothing is an answer, not an error: a first-time customer has no memory.
 */
@Component
public class RecallFunction implements ConnectorFunction<RecallRequest, RecallResult> {

  /** How many of the most similar entries are ranked by similarity and recency together. */
  static final int CANDIDATES = 200;

  private final MemoryStore store;
  private final Embeddings embeddings;
  private final Clock clock;

  @Autowired
  public RecallFunction(MemoryStore store, Embeddings embeddings) {
    this(store, embeddings, Clock.systemUTC());
  }

  RecallFunction(MemoryStore store, Embeddings embeddings, Clock clock) {
    this.store = store;
    this.embeddings = embeddings;
    this.clock = clock;
  }

  @Override
  public String topic() {
    return "baton.recall";
  }

  @Override
  public Class<RecallRequest> inputType() {
    return RecallRequest.class;
  }

  @Override
  public RecallResult apply(RecallRequest request, TaskContext context) {
    List<StoredMemory> candidates =
        store.similar(
            request.memoryKey(), request.subject(), embeddings.vector(request.query()), CANDIDATES);
    List<Memory> memories = RecallRanking.rank(candidates, clock.instant(), request);
    return new RecallResult(
        memories, memories.stream().mapToInt(Memory::tokens).sum(), context(memories));
  }

  private static String context(List<Memory> memories) {
    return memories.stream()
        .map(
            m ->
                "- %s (%s, case %s)"
                    .formatted(
                        m.text(),
                        m.rememberedAt().substring(0, 10),
                        m.sourceBusinessKey() != null
                            ? m.sourceBusinessKey()
                            : m.sourceProcessInstanceId()))
        .collect(Collectors.joining("\n"));
  }
}
