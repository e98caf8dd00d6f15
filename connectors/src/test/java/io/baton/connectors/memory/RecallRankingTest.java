package io.baton.connectors.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.memory.RecallResult.Memory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecallRankingTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  void should_put_the_newer_of_two_equally_similar_entries_first() {
    List<Memory> ranked =
        RecallRanking.rank(
            List.of(stored("old", 0.7, 300, 10), stored("new", 0.7, 1, 10)),
            NOW,
            request(500, 10, 0));

    assertThat(ranked).extracting(Memory::text).containsExactly("new", "old");
  }

  @Test
  void should_not_let_a_recent_unrelated_entry_beat_an_old_related_one() {
    List<Memory> ranked =
        RecallRanking.rank(
            List.of(stored("unrelated", 0.25, 0, 10), stored("related", 0.8, 365, 10)),
            NOW,
            request(500, 10, 0));

    assertThat(ranked).extracting(Memory::text).containsExactly("related", "unrelated");
  }

  @Test
  void should_fill_the_token_budget_skipping_an_entry_that_does_not_fit() {
    List<Memory> ranked =
        RecallRanking.rank(
            List.of(stored("a", 0.9, 0, 40), stored("b", 0.8, 0, 70), stored("c", 0.7, 0, 50)),
            NOW,
            request(100, 10, 0));

    assertThat(ranked).extracting(Memory::text).containsExactly("a", "c");
    assertThat(ranked.stream().mapToInt(Memory::tokens).sum()).isLessThanOrEqualTo(100);
  }

  @Test
  void should_leave_out_entries_under_the_minimum_similarity_and_beyond_max_entries() {
    List<Memory> ranked =
        RecallRanking.rank(
            List.of(
                stored("a", 0.9, 0, 1),
                stored("b", 0.8, 0, 1),
                stored("c", 0.7, 0, 1),
                stored("far", 0.1, 0, 1)),
            NOW,
            request(500, 2, 0.2));

    assertThat(ranked).extracting(Memory::text).containsExactly("a", "b");
  }

  @Test
  void should_score_by_similarity_and_freshness_halving_every_thirty_days() {
    assertThat(RecallRanking.score(stored("x", 0.5, 0, 1), NOW)).isCloseTo(0.6, within());
    assertThat(RecallRanking.score(stored("x", 0.5, 30, 1), NOW)).isCloseTo(0.5, within());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  private static RecallRequest request(int budget, int maxEntries, double minScore) {
    return new RecallRequest("customer", "C-1", "query", budget, maxEntries, minScore);
  }

  private static StoredMemory stored(String text, double similarity, int daysAgo, int tokens) {
    return new StoredMemory(
        MemoryEntry.FACT,
        text,
        tokens,
        "pi-1",
        null,
        NOW.minus(daysAgo, ChronoUnit.DAYS),
        similarity);
  }
}
