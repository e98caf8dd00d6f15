package io.baton.connectors.knowledge;

import java.util.List;

/** A named knowledge base: the passages of the documents in one folder. */
public record KnowledgeBase(String id, List<Passage> passages) {

  public KnowledgeBase {
    passages = List.copyOf(passages);
  }
}
