package io.baton.memory;

import io.baton.memory.MemoryProperties.VectorSearch;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the memory is ranked by pgvector in the database: decided once at start from {@code
 * baton.memory.vector-search} and from whether the database has the {@code vector} extension
 * installed. When it is used, the table gets a {@code vector} column beside the stored bytes (added
 * at start, not by a migration, since most servers, the embedded one of the tests among them, do
 * not have the extension), and entries kept before are copied into it.
 */
@Component
class PgVector {

  private static final Logger LOG = LoggerFactory.getLogger(PgVector.class);
  private static final int BACKFILL_BATCH = 1_000;

  private final boolean enabled;

  PgVector(JdbcTemplate jdbc, MemoryProperties properties) {
    this.enabled = decide(jdbc, properties.vectorSearch());
    if (enabled) {
      prepare(jdbc);
    }
    LOG.info("long-term memory ranks by similarity {}", enabled ? "with pgvector" : "in Java");
  }

  boolean enabled() {
    return enabled;
  }

  private static boolean decide(JdbcTemplate jdbc, VectorSearch mode) {
    if (mode == VectorSearch.JAVA) {
      return false;
    }
    boolean installed = postgres(jdbc) && installed(jdbc);
    if (mode == VectorSearch.PGVECTOR && !installed) {
      throw new IllegalStateException(
          "baton.memory.vector-search is pgvector but the database has no extension 'vector':"
              + " run CREATE EXTENSION vector in Baton's database, or set"
              + " BATON_MEMORY_VECTOR_SEARCH=auto to rank in Java without it");
    }
    return installed;
  }

  private static boolean postgres(JdbcTemplate jdbc) {
    String product =
        jdbc.execute(
            (java.sql.Connection connection) -> connection.getMetaData().getDatabaseProductName());
    return "PostgreSQL".equals(product);
  }

  private static boolean installed(JdbcTemplate jdbc) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM pg_extension WHERE extname = 'vector'", Integer.class);
    return count != null && count > 0;
  }

  /** Adds the vector column and fills it for entries kept before pgvector was there. */
  private static void prepare(JdbcTemplate jdbc) {
    jdbc.execute("ALTER TABLE baton_memory ADD COLUMN IF NOT EXISTS embedding_vector vector");
    List<Map<String, Object>> missing;
    do {
      missing =
          jdbc.queryForList(
              "SELECT id, embedding FROM baton_memory WHERE embedding_vector IS NULL LIMIT "
                  + BACKFILL_BATCH);
      for (Map<String, Object> row : missing) {
        jdbc.update(
            "UPDATE baton_memory SET embedding_vector = CAST(? AS vector) WHERE id = ?",
            Vectors.pgvector(Vectors.floats((byte[]) row.get("embedding"))),
            row.get("id"));
      }
    } while (missing.size() == BACKFILL_BATCH);
  }
}
