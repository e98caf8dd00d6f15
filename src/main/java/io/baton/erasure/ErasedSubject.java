package io.baton.erasure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/** A subject being erased: its key and id, and the cases (process instances) that named it. */
public record ErasedSubject(
    String erasureId, String subjectKey, String subjectId, List<String> caseIds) {

  /** The most case ids one statement binds, well under every database's parameter limit. */
  private static final int CASES_PER_STATEMENT = 500;

  public ErasedSubject {
    caseIds = List.copyOf(caseIds);
  }

  /**
   * Runs {@code erase} for the cases, a chunk at a time: it gets the chunk's {@code ?, ?, ...}
   * placeholders and ids, and returns how many items it removed; returns the sum.
   */
  public int eraseCases(BiFunction<String, Object[], Integer> erase) {
    int erased = 0;
    for (int from = 0; from < caseIds.size(); from += CASES_PER_STATEMENT) {
      List<String> chunk =
          new ArrayList<>(
              caseIds.subList(from, Math.min(caseIds.size(), from + CASES_PER_STATEMENT)));
      erased +=
          erase.apply(String.join(",", Collections.nCopies(chunk.size(), "?")), chunk.toArray());
    }
    return erased;
  }
}
