package io.baton.memory;

import com.zaxxer.hikari.HikariDataSource;
import io.baton.connectors.TaskContext;
import io.baton.connectors.memory.MemoryEntry;
import io.baton.connectors.memory.RecallFunction;
import io.baton.connectors.memory.RecallRequest;
import io.baton.connectors.memory.RecallResult;
import io.baton.memory.MemoryProperties.Key;
import io.baton.memory.MemoryProperties.VectorSearch;
import io.baton.models.local.LocalEmbeddings;
import io.baton.support.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recall latency at 100,000 stored entries (100 subjects x 1,000) on the embedded PostgreSQL, which
 * has no pgvector: the subject's entries are ranked in Java. Not part of {@code mvn verify}; run it
 * with {@code mvn -B verify -Dtest=MemoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It
 * prints p50/p95/p99 (and writes them to {@code target/memory-benchmark.txt}); it asserts nothing
 * about time.
 *
 * <p>The stored vectors are random unit vectors of the local model's 384 dimensions (embedding
 * 100,000 texts would take longer than the measurement, and the ranking's cost does not depend on
 * what the vectors say); the queries are real texts embedded by the local model.
 */
class MemoryBenchmark {

  private static final int SUBJECTS = 100;
  private static final int PER_SUBJECT = 1_000;
  private static final int DIMENSIONS = 384;
  private static final int WARM_UP = 200;
  private static final int RECALLS = 2_000;

  private static final List<String> QUERIES =
      List.of(
          "Where is my order? It has not arrived yet.",
          "I want my money back for the broken blender.",
          "How do I change the delivery address of my parcel?",
          "The invoice shows the wrong amount, please correct it.",
          "Can I talk to someone about my complaint?");

  @Test
  void recall_latency_at_100000_entries() throws IOException {
    // pooled, as the application's: a connection per query would measure PostgreSQL's start of a
    // backend instead of the recall
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(EmbeddedPostgres.createDatabase("memory_benchmark"));
    dataSource.setUsername(EmbeddedPostgres.USER);
    Flyway.configure().dataSource(dataSource).load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    MemoryProperties properties =
        new MemoryProperties(Map.of("customer", new Key(Duration.ofDays(365))), VectorSearch.AUTO);
    PgVector pgVector = new PgVector(jdbc, properties);
    JdbcMemoryStore store = new JdbcMemoryStore(jdbc, properties, pgVector);

    long loadStart = System.nanoTime();
    load(jdbc);
    // what autovacuum does on a running server: statistics, and the visibility map that lets a
    // recall read the covering index alone
    jdbc.execute("VACUUM ANALYZE baton_memory");
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

    LocalEmbeddings embeddings = new LocalEmbeddings();
    List<float[]> queryVectors = QUERIES.stream().map(embeddings::vector).toList();
    RecallFunction recall = new RecallFunction(store, embeddings);
    Random random = new Random(7);

    for (int i = 0; i < WARM_UP; i++) {
      store.similar("customer", subject(random.nextInt(SUBJECTS)), queryVectors.get(i % 5), 200);
      recall.apply(request(random, i), TaskContext.NONE);
    }
    long[] lookups = new long[RECALLS];
    long[] recalls = new long[RECALLS];
    int recalled = 0;
    for (int i = 0; i < RECALLS; i++) {
      long start = System.nanoTime();
      store.similar("customer", subject(random.nextInt(SUBJECTS)), queryVectors.get(i % 5), 200);
      lookups[i] = System.nanoTime() - start;
      start = System.nanoTime();
      RecallResult result = recall.apply(request(random, i), TaskContext.NONE);
      recalls[i] = System.nanoTime() - start;
      recalled += result.memories().size();
    }

    String report =
        String.join(
            "\n",
            "long-term memory recall, %d entries (%d subjects x %d), vector search: %s"
                .formatted(
                    SUBJECTS * PER_SUBJECT,
                    SUBJECTS,
                    PER_SUBJECT,
                    pgVector.enabled() ? "pgvector" : "Java (no pgvector)"),
            "loaded in %.1f s".formatted(loadSeconds),
            "store lookup (the subject's 200 most similar of 1,000): " + percentiles(lookups),
            "recall connector (embed the query, look up, rank, token budget 500): "
                + percentiles(recalls),
            "entries recalled per call: %.1f".formatted((double) recalled / RECALLS));
    System.out.println(report);
    Files.writeString(Path.of("target", "memory-benchmark.txt"), report + "\n");
    dataSource.close();
  }

  private static RecallRequest request(Random random, int i) {
    return new RecallRequest(
        "customer", subject(random.nextInt(SUBJECTS)), QUERIES.get(i % 5), 500, 10, 0.0);
  }

  /**
   * Loads the entries as cases would write them over a year: the subjects' entries interleaved, so
   * one subject's entries lie on many pages, not side by side.
   */
  private static void load(JdbcTemplate jdbc) {
    Random random = new Random(42);
    Instant now = Instant.now();
    for (int n = 0; n < PER_SUBJECT; n += 10) {
      List<Object[]> rows = new ArrayList<>();
      for (int k = n; k < n + 10; k++) {
        for (int s = 0; s < SUBJECTS; s++) {
          rows.add(row(random, now, s, k));
        }
      }
      jdbc.batchUpdate(
          "INSERT INTO baton_memory (write_key, memory_key, subject, kind, fact, tokens,"
              + " source_process_instance_id, source_business_key, remembered_at, expires_at,"
              + " embedding) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
          rows);
    }
  }

  private static Object[] row(Random random, Instant now, int s, int n) {
    String text =
        "Case %d of %s: asked about order %d; the answer went out after review by %s."
            .formatted(n, subject(s), 10_000 + random.nextInt(90_000), "reviewer-" + n % 7);
    Instant at = now.minus(Duration.ofHours(24 * 360 - n * 8L));
    return new Object[] {
      "bench:" + s + "#" + n,
      "customer",
      subject(s),
      n % 3 == 0 ? MemoryEntry.FACT : MemoryEntry.INTERACTION,
      text,
      MemoryEntry.tokens(text),
      "pi-" + s + "-" + n,
      "case-" + n,
      Timestamp.from(at),
      Timestamp.from(at.plus(Duration.ofDays(365))),
      Vectors.bytes(unitVector(random))
    };
  }

  private static float[] unitVector(Random random) {
    float[] vector = new float[DIMENSIONS];
    double norm = 0;
    for (int i = 0; i < DIMENSIONS; i++) {
      vector[i] = (float) random.nextGaussian();
      norm += vector[i] * vector[i];
    }
    for (int i = 0; i < DIMENSIONS; i++) {
      vector[i] /= (float) Math.sqrt(norm);
    }
    return vector;
  }

  private static String subject(int s) {
    return "C-%03d".formatted(s);
  }

  private static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d calls)",
        at(sorted, 0.50),
        at(sorted, 0.95),
        at(sorted, 0.99),
        sorted.length);
  }

  private static double at(long[] sorted, double quantile) {
    return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
  }
}
