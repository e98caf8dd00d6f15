package io.baton.memory;

import io.baton.connectors.memory.MemoryEntry;
import io.baton.connectors.memory.MemoryStore;
import io.baton.connectors.memory.RememberRequest;
import io.baton.connectors.memory.StoredMemory;
import io.baton.models.Embeddings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps long-term memory in {@code baton_memory}, beside the engine's tables. A subject's entries
 * are ranked by similarity with pgvector where the database has it ({@link PgVector}), else in Java
 * over the subject's stored vectors.
 */
@Component
public class JdbcMemoryStore implements MemoryStore {

  private static final Set<String> KINDS = Set.of(MemoryEntry.FACT, MemoryEntry.INTERACTION);
  private static final int SWEEP_BATCH = 1_000;
  private static final String COLUMNS =
      "kind, fact, tokens, source_process_instance_id, source_business_key, remembered_at";

  private final JdbcTemplate jdbc;
  private final MemoryProperties properties;
  private final boolean pgvector;

  JdbcMemoryStore(JdbcTemplate jdbc, MemoryProperties properties, PgVector pgvector) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.pgvector = pgvector.enabled();
  }

  /**
   * Checks every entry before it writes any. Two attempts of one task racing each other meet at the
   * unique {@code write_key}: the second fails with a {@link
   * org.springframework.dao.DuplicateKeyException}, leaves nothing behind, and finds all kept when
   * it runs again.
   */
  @Override
  @Transactional
  public int remember(List<MemoryEntry> entries) {
    entries.forEach(this::check);
    int written = 0;
    for (MemoryEntry entry : entries) {
      Integer known =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM baton_memory WHERE write_key = ?",
              Integer.class,
              entry.writeKey());
      if (known == null || known == 0) {
        insert(entry);
        written++;
      }
    }
    return written;
  }

  @Override
  public List<StoredMemory> similar(String memoryKey, String subject, float[] query, int limit) {
    properties.key(memoryKey);
    checkVector(query);
    Timestamp now = Timestamp.from(Instant.now());
    if (pgvector) {
      String vector = Vectors.pgvector(query);
      return jdbc.query(
          "SELECT "
              + COLUMNS
              + ", 1 - (embedding_vector <=> CAST(? AS vector)) AS similarity FROM baton_memory"
              + " WHERE memory_key = ? AND subject = ? AND expires_at > ?"
              + " ORDER BY embedding_vector <=> CAST(? AS vector) LIMIT ?",
          (rs, row) -> stored(rs, rs.getDouble("similarity")),
          vector,
          memoryKey,
          subject,
          now,
          vector,
          limit);
    }
    return details(mostSimilar(memoryKey, subject, query, limit, now));
  }

  private record Scored(long id, double similarity) {}

  /** The ids of the subject's most similar live entries, from the covering index alone. */
  private List<Scored> mostSimilar(
      String memoryKey, String subject, float[] query, int limit, Timestamp now) {
    PriorityQueue<Scored> best =
        new PriorityQueue<>(Comparator.comparingDouble(Scored::similarity));
    jdbc.query(
        "SELECT id, embedding FROM baton_memory"
            + " WHERE memory_key = ? AND subject = ? AND expires_at > ?",
        rs -> {
          best.add(
              new Scored(
                  rs.getLong("id"),
                  Embeddings.cosine(query, Vectors.floats(rs.getBytes("embedding")))));
          if (best.size() > limit) {
            best.poll();
          }
        },
        memoryKey,
        subject,
        now);
    return new ArrayList<>(best);
  }

  /** The entries themselves, most similar first. */
  private List<StoredMemory> details(List<Scored> scored) {
    if (scored.isEmpty()) {
      return List.of();
    }
    Map<Long, Double> similarity = new HashMap<>();
    scored.forEach(s -> similarity.put(s.id(), s.similarity()));
    List<StoredMemory> entries =
        jdbc.query(
            "SELECT id, "
                + COLUMNS
                + " FROM baton_memory WHERE id IN ("
                + String.join(",", Collections.nCopies(scored.size(), "?"))
                + ")",
            (rs, row) -> stored(rs, similarity.get(rs.getLong("id"))),
            similarity.keySet().toArray());
    return entries.stream()
        .sorted(Comparator.comparingDouble(StoredMemory::similarity).reversed())
        .toList();
  }

  /**
   * Removes everything kept about one subject under one key, for its erasure.
   *
   * @return how many entries were removed
   */
  @Transactional
  public int forget(String memoryKey, String subject) {
    return jdbc.update(
        "DELETE FROM baton_memory WHERE memory_key = ? AND subject = ?", memoryKey, subject);
  }

  /**
   * Removes the entries whose time to live ran out before {@code now}, in batches.
   *
   * @return how many were removed
   */
  public int sweep(Instant now) {
    int removed = 0;
    int batch;
    do {
      batch =
          jdbc.update(
              "DELETE FROM baton_memory WHERE id IN (SELECT id FROM baton_memory"
                  + " WHERE expires_at <= ? ORDER BY id LIMIT "
                  + SWEEP_BATCH
                  + ")",
              Timestamp.from(now));
      removed += batch;
    } while (batch == SWEEP_BATCH);
    return removed;
  }

  private void insert(MemoryEntry entry) {
    Instant expires = entry.rememberedAt().plus(properties.key(entry.memoryKey()).timeToLive());
    jdbc.update(
        "INSERT INTO baton_memory (write_key, memory_key, subject, kind, fact, tokens,"
            + " source_process_instance_id, source_business_key, remembered_at, expires_at,"
            + " embedding"
            + (pgvector
                ? ", embedding_vector) VALUES (?,?,?,?,?,?,?,?,?,?,?,CAST(? AS vector))"
                : ") VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
        insertArguments(entry, expires));
  }

  private Object[] insertArguments(MemoryEntry entry, Instant expires) {
    List<Object> arguments =
        new ArrayList<>(
            List.of(
                entry.writeKey(),
                entry.memoryKey(),
                entry.subject(),
                entry.kind(),
                entry.text(),
                MemoryEntry.tokens(entry.text())));
    arguments.add(entry.sourceProcessInstanceId());
    arguments.add(entry.sourceBusinessKey());
    arguments.add(Timestamp.from(entry.rememberedAt()));
    arguments.add(Timestamp.from(expires));
    arguments.add(Vectors.bytes(entry.embedding()));
    if (pgvector) {
      arguments.add(Vectors.pgvector(entry.embedding()));
    }
    return arguments.toArray();
  }

  private static StoredMemory stored(ResultSet rs, double similarity) throws SQLException {
    return new StoredMemory(
        rs.getString("kind"),
        rs.getString("fact"),
        rs.getInt("tokens"),
        rs.getString("source_process_instance_id"),
        rs.getString("source_business_key"),
        rs.getTimestamp("remembered_at").toInstant(),
        similarity);
  }

  /** Refuses an entry the connector's own checks would have refused: the API is a way in too. */
  private void check(MemoryEntry entry) {
    properties.key(entry.memoryKey());
    require(entry.writeKey(), "writeKey", 200);
    require(entry.subject(), "subject", RememberRequest.MAX_SUBJECT_LENGTH);
    require(entry.text(), "fact", RememberRequest.MAX_FACT_LENGTH);
    if (!KINDS.contains(entry.kind())) {
      throw new IllegalArgumentException(
          "memory kind '%s' is neither FACT nor INTERACTION".formatted(entry.kind()));
    }
    if (entry.rememberedAt() == null) {
      throw new IllegalArgumentException("a memory entry needs rememberedAt");
    }
    if (length(entry.sourceProcessInstanceId()) > 64 || length(entry.sourceBusinessKey()) > 255) {
      throw new IllegalArgumentException(
          "a memory entry's source case is a process instance id of at most 64 characters and a"
              + " business key of at most 255");
    }
    checkVector(entry.embedding());
  }

  private static void require(String value, String name, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a memory entry needs " + name);
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          "%s of %d characters is over the limit of %d: nothing was remembered"
              .formatted(name, value.length(), maxLength));
    }
  }

  private static int length(String value) {
    return value == null ? 0 : value.length();
  }

  private static void checkVector(float[] vector) {
    if (vector == null || vector.length == 0) {
      throw new IllegalArgumentException("a memory entry or query needs its embedding");
    }
    for (float value : vector) {
      if (!Float.isFinite(value)) {
        throw new IllegalArgumentException(
            "an embedding holds a value that is not a finite number");
      }
    }
  }
}
