package io.baton.connectors.memory;

import io.baton.connectors.memory.RecallResult.Memory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks a subject's memories for a recall: {@code score = 0.8 x similarity + 0.2 x freshness},
 * where freshness halves every {@value #HALF_LIFE_DAYS} days of an entry's age. So of two entries
 * alike in meaning the newer wins, and a recent but unrelated entry does not beat a related one.
 * Then it takes the best entries that fit the token budget, skipping one that does not fit for a
 * smaller one after it.
 */
final class RecallRanking {

  static final double RECENCY_WEIGHT = 0.2;
  static final int HALF_LIFE_DAYS = 30;

  private RecallRanking() {}

  static List<Memory> rank(List<StoredMemory> candidates, Instant now, RecallRequest request) {
    List<Memory> ranked = new ArrayList<>();
    for (StoredMemory candidate : candidates) {
      if (candidate.similarity() >= request.minScore()) {
        ranked.add(memory(candidate, score(candidate, now)));
      }
    }
    ranked.sort(Comparator.comparingDouble(Memory::score).reversed());
    List<Memory> chosen = new ArrayList<>();
    int tokens = 0;
    for (Memory memory : ranked) {
      if (chosen.size() == request.maxEntries()) {
        break;
      }
      if (tokens + memory.tokens() <= request.tokenBudget()) {
        chosen.add(memory);
        tokens += memory.tokens();
      }
    }
    return chosen;
  }

  static double score(StoredMemory memory, Instant now) {
    double ageDays = Math.max(0, Duration.between(memory.rememberedAt(), now).toMinutes()) / 1440.0;
    double freshness = Math.pow(0.5, ageDays / HALF_LIFE_DAYS);
    return (1 - RECENCY_WEIGHT) * memory.similarity() + RECENCY_WEIGHT * freshness;
  }

  private static Memory memory(StoredMemory stored, double score) {
    return new Memory(
        stored.text(),
        stored.kind(),
        stored.sourceProcessInstanceId(),
        stored.sourceBusinessKey(),
        stored.rememberedAt().toString(),
        stored.tokens(),
        round(stored.similarity()),
        round(score));
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
