package io.baton.connectors.memory;

import java.util.List;

/**
 * Output of the {@code recall} connector; each component becomes a process variable.
 *
 * @param memories the recalled entries, the best first
 * @param memoryTokens the tokens they take together, within the request's budget
 * @param memoryContext the entries as lines for a prompt or a form, each with its date and case;
 *     empty when nothing was recalled
 */
public record RecallResult(List<Memory> memories, int memoryTokens, String memoryContext) {

  public RecallResult {
    memories = List.copyOf(memories);
  }

  /**
   * A recalled entry.
   *
   * @param rememberedAt when it was kept, ISO-8601 in UTC
   * @param similarity how alike its text is to the query (cosine, 0..1)
   * @param score what it was ranked by: its similarity, a little raised when it is recent
   */
  public record Memory(
      String text,
      String kind,
      String sourceProcessInstanceId,
      String sourceBusinessKey,
      String rememberedAt,
      int tokens,
      double similarity,
      double score) {}
}
