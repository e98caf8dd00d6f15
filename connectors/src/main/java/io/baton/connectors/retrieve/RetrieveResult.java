package io.baton.connectors.retrieve;

import java.util.List;

/**
 * Output of the {@code retrieve} connector; each component becomes a process variable.
 *
 * @param passages the relevant passages, most relevant first
 * @param topScore the similarity of the most relevant passage
 * @param sources the source ids of the passages, in the same order, for citing them
 */
public record RetrieveResult(List<ScoredPassage> passages, double topScore, List<String> sources) {

  public RetrieveResult {
    passages = List.copyOf(passages);
    sources = List.copyOf(sources);
  }

  /**
   * A passage and how similar it is to the query (cosine similarity, 0..1).
   *
   * @param sourceId {@code <file>#<n>}: the n-th passage of that document
   * @param title the headings above the passage
   */
  public record ScoredPassage(String sourceId, String title, String text, double score) {}
}
