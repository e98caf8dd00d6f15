package io.baton.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.memory.MemoryEntry;
import io.baton.connectors.memory.StoredMemory;
import io.baton.memory.MemoryProperties.Key;
import io.baton.memory.MemoryProperties.VectorSearch;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The memory store on H2, as the embedded run migrates it (the PostgreSQL side runs through the
 * application in {@code GovernedNoticePostgresIT}). Hand-made vectors: the store ranks whatever
 * vectors it is given.
 */
class JdbcMemoryStoreH2Test {

  // Whole microseconds: H2 rounds a TIMESTAMP's nanoseconds, PostgreSQL truncates them.
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

  private static JdbcTemplate jdbc;
  private static JdbcMemoryStore store;

  @BeforeAll
  static void migrate() {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            "jdbc:h2:mem:memory-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY", "sa", "");
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    MemoryProperties properties =
        new MemoryProperties(Map.of("customer", new Key(Duration.ofDays(30))), VectorSearch.AUTO);
    store = new JdbcMemoryStore(jdbc, properties, new PgVector(jdbc, properties));
  }

  @BeforeEach
  void empty() {
    jdbc.update("DELETE FROM baton_memory");
  }

  @Test
  void should_keep_an_entry_once_under_its_write_key() {
    assertThat(store.remember(List.of(entry("t1#0", "C-1", "a", NOW, 1, 0)))).isEqualTo(1);
    assertThat(store.remember(List.of(entry("t1#0", "C-1", "a", NOW, 1, 0)))).isZero();

    assertThat(count()).isEqualTo(1);
  }

  @Test
  void should_rank_a_subjects_live_entries_by_similarity() {
    store.remember(
        List.of(
            entry("t#0", "C-1", "same direction", NOW, 1, 0),
            entry("t#1", "C-1", "half way", NOW, 1, 1),
            entry("t#2", "C-1", "opposite", NOW, -1, 0),
            entry("t#3", "C-2", "another subject", NOW, 1, 0),
            entry("t#4", "C-1", "expired", NOW.minus(31, ChronoUnit.DAYS), 1, 0)));

    List<StoredMemory> similar = store.similar("customer", "C-1", new float[] {1, 0}, 2);

    assertThat(similar)
        .extracting(StoredMemory::text)
        .containsExactly("same direction", "half way");
    assertThat(similar.get(0).similarity())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(similar.get(0).rememberedAt()).isEqualTo(NOW);
    assertThat(store.similar("customer", "C-1", new float[] {1, 0}, 10))
        .extracting(StoredMemory::text)
        .doesNotContain("expired", "another subject");
  }

  @Test
  void should_sweep_expired_entries_and_forget_a_subject() {
    store.remember(
        List.of(
            entry("t#0", "C-1", "live", NOW, 1, 0),
            entry("t#1", "C-1", "expired", NOW.minus(31, ChronoUnit.DAYS), 1, 0),
            entry("t#2", "C-2", "other", NOW, 1, 0)));

    assertThat(store.sweep(NOW)).isEqualTo(1);
    assertThat(store.forget("customer", "C-1")).isEqualTo(1);
    assertThat(jdbc.queryForList("SELECT fact FROM baton_memory", String.class))
        .containsExactly("other");
  }

  @Test
  void should_refuse_a_batch_with_an_oversized_fact_or_an_unknown_key_before_writing() {
    assertThatThrownBy(
            () ->
                store.remember(
                    List.of(
                        entry("t#0", "C-1", "fine", NOW, 1, 0),
                        entry("t#1", "C-1", "x".repeat(2_001), NOW, 1, 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fact of 2001 characters is over the limit of 2000: nothing was remembered");
    MemoryEntry vendor =
        new MemoryEntry("t#2", "vendor", "V-1", "FACT", "late", null, null, NOW, new float[] {1});
    assertThatThrownBy(() -> store.remember(List.of(vendor)))
        .hasMessage(
            "unknown memory key 'vendor': declare it under baton.memory.keys (declared: customer)");
    assertThatThrownBy(() -> store.similar("vendor", "V-1", new float[] {1}, 5))
        .hasMessageContaining("unknown memory key 'vendor'");

    assertThat(count()).isZero();
  }

  private int count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM baton_memory", Integer.class);
  }

  private static MemoryEntry entry(
      String writeKey, String subject, String text, Instant at, float x, float y) {
    return new MemoryEntry(
        writeKey,
        "customer",
        subject,
        MemoryEntry.FACT,
        text,
        "pi-1",
        "case-1",
        at,
        new float[] {x, y});
  }
}
