package io.baton.memory;

import io.baton.connectors.memory.MemoryEntry;
import io.baton.connectors.memory.StoredMemory;
import io.baton.identity.BatonGroups;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/memory/entries} and {@code POST /api/memory/similar}: the long-term memory for
 * standalone workers, which have no database of their own. Only the workers' service account may
 * use them; a bad entry or an unknown memory key is refused with 400 and nothing is written.
 */
@RestController
@RequestMapping("/api/memory")
class MemoryController {

  static final int MAX_ENTRIES = 100;
  static final int MAX_LIMIT = 1_000;

  private final JdbcMemoryStore store;
  private final IdentityService identity;

  MemoryController(JdbcMemoryStore store, IdentityService identity) {
    this.store = store;
    this.identity = identity;
  }

  /** Keeps the entries, all or none: {@code written} says how many were not kept before. */
  @PostMapping("/entries")
  Remembered remember(@RequestBody List<MemoryEntry> entries) {
    BatonGroups.require(identity, Set.of(BatonGroups.WORKERS), "write long-term memory");
    if (entries == null
        || entries.isEmpty()
        || entries.size() > MAX_ENTRIES
        || entries.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("send from 1 to " + MAX_ENTRIES + " memory entries");
    }
    return new Remembered(store.remember(entries));
  }

  record Remembered(int written) {}

  /** A subject's entries most similar to a query vector, most similar first. */
  @PostMapping("/similar")
  List<StoredMemory> similar(@RequestBody Query query) {
    BatonGroups.require(identity, Set.of(BatonGroups.WORKERS), "read long-term memory");
    if (query.memoryKey() == null
        || query.subject() == null
        || query.limit() < 1
        || query.limit() > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "a memory query needs memoryKey, subject, vector and a limit from 1 to " + MAX_LIMIT);
    }
    return store.similar(query.memoryKey(), query.subject(), query.vector(), query.limit());
  }

  /**
   * An unknown memory key or a bad entry: 400 with the reason, which the worker's incident shows.
   */
  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail refused(IllegalArgumentException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Refused by the long-term memory");
    return problem;
  }

  record Query(String memoryKey, String subject, float[] vector, int limit) {}
}
