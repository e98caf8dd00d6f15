package io.baton.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.budgets.BudgetLedger;
import io.baton.models.ModelCallRecord;
import io.baton.models.ModelsProperties;
import io.baton.ratelimits.RateWindows;
import io.baton.rows.LockedRow;
import io.baton.support.CaseTrailOnBareDatabase;
import io.baton.support.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.codec.digest.DigestUtils;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case trail on H2 and on a real PostgreSQL server, without the engine: concurrent appends keep
 * one chain, a report delivered twice is one entry, and changes, removals and exports are checked.
 */
class CaseTrailIT {

  record Database(
      String name,
      JdbcTemplate jdbc,
      CaseTrail trail,
      DataSourceTransactionManager transactions,
      TransactionTemplate tx) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Database h2;
  private static Database postgres;

  @BeforeAll
  static void migrate() {
    JdbcDataSource memory = new JdbcDataSource();
    memory.setURL("jdbc:h2:mem:case-trail-it;DB_CLOSE_DELAY=-1;MODE=LEGACY");
    h2 = on("H2", memory);
    postgres = on("PostgreSQL", EmbeddedPostgres.dataSource("case_trail_it"));
  }

  private static Database on(String name, DataSource dataSource) {
    JdbcTemplate jdbc = CaseTrailOnBareDatabase.migrate(dataSource);
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    return new Database(
        name,
        jdbc,
        new CaseTrail(jdbc, new LockedRow(transactions)),
        transactions,
        new TransactionTemplate(transactions));
  }

  static Stream<Named<Database>> databases() {
    return Stream.of(Named.of("H2", h2), Named.of("PostgreSQL", postgres));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void appends_racing_on_one_case_make_one_unbroken_chain(Database db) throws Exception {
    String caseId = newCase(db, "order-1");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> appends = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        appends.add(() -> append(db, caseId, event(Map.of("n", n))));
      }
      for (Future<Boolean> appended : pool.invokeAll(appends)) {
        assertThat(appended.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
    List<TrailEntry> entries = db.trail().entries(caseId);
    assertThat(entries).extracting(TrailEntry::seq).containsExactlyElementsOf(range(1, 40));
    assertThat(db.trail().verify(caseId).intact()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void a_report_delivered_twice_is_one_entry(Database db) {
    String caseId = newCase(db, "order-2");
    TrailEvent call =
        event(Map.of("cost", new BigDecimal("0.000010")))
            .withSourceRef("model-call:" + UUID.randomUUID());

    assertThat(append(db, caseId, call)).isTrue();
    assertThat(append(db, caseId, call)).isFalse();

    assertThat(db.trail().entries(caseId)).hasSize(1);
    assertThat(db.trail().verify(caseId).intact()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void a_changed_or_removed_entry_breaks_the_chain(Database db) {
    String caseId = newCase(db, "order-3");
    for (int i = 0; i < 3; i++) {
      append(db, caseId, event(Map.of("amount", 12.5 * i, "who", "reviewer")));
    }
    assertThat(db.trail().verify(caseId).intact()).isTrue();

    db.jdbc()
        .update(
            "UPDATE baton_audit_entry SET actor = 'someone-else' WHERE process_instance_id = ?"
                + " AND seq = 2",
            caseId);
    TrailVerification changed = db.trail().verify(caseId);
    assertThat(changed.intact()).isFalse();
    assertThat(changed.brokenAtSeq()).isEqualTo(2);

    db.jdbc()
        .update(
            "UPDATE baton_audit_entry SET actor = 'tester' WHERE process_instance_id = ? AND seq = 2",
            caseId);
    assertThat(db.trail().verify(caseId).intact()).isTrue();
    db.jdbc()
        .update("DELETE FROM baton_audit_entry WHERE process_instance_id = ? AND seq = 3", caseId);
    TrailVerification removed = db.trail().verify(caseId);
    assertThat(removed.intact()).isFalse();
    assertThat(removed.problem()).contains("entries were removed");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void an_export_verifies_offline_and_knows_its_business_key(Database db) throws Exception {
    Instant from = Instant.now().minusSeconds(1);
    String caseId = newCase(db, "order-4");
    append(
        db,
        caseId,
        event(Map.of("price", new BigDecimal("0.00000150"), "text", "naïve \"quote\"")));
    append(db, caseId, event(Map.of("nested", Map.of("b", 1, "a", List.of(1.0, 2.5)))));
    Instant to = Instant.now().plusSeconds(1);
    TrailQueries queries =
        new TrailQueries(db.jdbc(), new DataSourceTransactionManager(db.jdbc().getDataSource()));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written = TrailExport.write(queries, from, to, TrailExport.Format.JSONL, out);
    String lines = out.toString(StandardCharsets.UTF_8);

    assertThat(written).isEqualTo(queries.count(from, to)).isGreaterThanOrEqualTo(2);
    TrailVerification offline = TrailVerifier.verify(new StringReader(lines));
    assertThat(offline.intact()).as(offline.problem()).isTrue();
    assertThat(offline.entries()).isEqualTo(written);
    assertThat(queries.casesWithBusinessKey("order-4"))
        .extracting(TrailQueries.CaseSummary::processInstanceId)
        .contains(caseId);

    String tampered = lines.replace("naïve", "naive");
    assertThat(TrailVerifier.verify(new StringReader(tampered)).intact()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void an_erased_payload_keeps_the_chain_when_the_trail_records_its_erasure(Database db) {
    String caseId = newCase(db, "erasure-1");
    append(db, caseId, event(Map.of("customer", "ada@example.com")));
    append(db, caseId, event(Map.of("n", 2)));

    db.jdbc()
        .update(
            "UPDATE baton_audit_entry SET payload = NULL WHERE process_instance_id = ? AND seq = 1",
            caseId);
    assertThat(db.trail().verify(caseId).problem()).contains("lost its payload");

    db.jdbc()
        .update(
            "UPDATE baton_audit_entry SET erased_by = 'e-1' WHERE process_instance_id = ?"
                + " AND seq = 1",
            caseId);
    assertThat(db.trail().verify(caseId).problem())
        .as("an erasure the trail does not record")
        .contains("removed by erasure e-1");

    append(
        db,
        caseId,
        TrailEvent.of(TrailKind.ERASURE, "privacy-officer", null, Map.of("subject", "erased"))
            .withSourceRef(TrailChain.erasureRef("e-1", caseId)));
    assertThat(db.trail().verify(caseId).intact()).isTrue();
    assertThat(db.trail().entries(caseId).get(0).payload()).isNull();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void a_changed_payload_no_longer_gives_its_digest(Database db) {
    String caseId = newCase(db, "erasure-2");
    append(db, caseId, event(Map.of("amount", 10)));
    String update = "UPDATE baton_audit_entry SET payload = ? WHERE process_instance_id = ?";
    db.jdbc().update(update, "{\"amount\":99}", caseId);
    try {
      assertThat(db.trail().verify(caseId).problem()).contains("payload was changed");
    } finally {
      db.jdbc().update(update, "{\"amount\":10}", caseId); // other tests export this period
    }
    assertThat(db.trail().verify(caseId).intact()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void model_call_batches_are_kept_once_settle_their_budgets_and_chain_per_case(Database db)
      throws Exception {
    JdbcModelCallLog log = modelCallLog(db);
    String caseA = newCase(db, "batch-a");
    String caseB = newCase(db, "batch-b");
    reserve(db, "a1", caseA, "0.5");
    reserve(db, "b1", caseB, "0.5");

    List<Boolean> first =
        recordAll(
            db,
            log,
            call("a1", caseA, "0.1"),
            call("a2", caseA, null),
            call("b1", caseB, "0.2"),
            call("a1", caseA, "0.1"));
    assertThat(first)
        .as("a call twice in one batch is kept once")
        .containsExactly(true, true, true, false);
    assertThat(recordAll(db, log, call("a2", caseA, null), call("b2", caseB, null)))
        .as("a call reported in an earlier batch is not kept again")
        .containsExactly(false, true);

    // two workers' batches touching both cases in opposite orders: no deadlock, one chain each
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<List<Boolean>>> batches = new ArrayList<>();
      for (int worker = 0; worker < 2; worker++) {
        for (int round = 0; round < 10; round++) {
          String id = "w" + worker + "-" + round;
          List<ModelCallRecord> batch =
              List.of(
                  call(id + "-x", worker == 0 ? caseA : caseB, null),
                  call(id + "-y", worker == 0 ? caseB : caseA, null));
          batches.add(() -> recordAll(db, log, batch.toArray(ModelCallRecord[]::new)));
        }
      }
      for (Future<List<Boolean>> kept : pool.invokeAll(batches)) {
        assertThat(kept.get()).containsExactly(true, true);
      }
    } finally {
      pool.shutdown();
    }

    for (String caseId : List.of(caseA, caseB)) {
      assertThat(db.trail().verify(caseId).intact()).isTrue();
      assertThat(db.trail().entries(caseId)).hasSize(22);
    }
    assertThat(db.trail().entries(caseA))
        .extracting(TrailEntry::sourceRef)
        .startsWith("model-call:a1", "model-call:a2");
    assertThat(
            db.jdbc()
                .queryForObject(
                    "SELECT COUNT(*) FROM baton_model_call WHERE process_instance_id IN (?, ?)",
                    Integer.class,
                    caseA,
                    caseB))
        .isEqualTo(44);
    assertThat(
            db.jdbc()
                .queryForList(
                    "SELECT spent, reserved FROM baton_budget_account WHERE subject = ?", caseA)
                .get(0))
        .satisfies(
            account -> {
              assertThat((BigDecimal) account.get("spent")).isEqualByComparingTo("0.1");
              assertThat((BigDecimal) account.get("reserved")).isEqualByComparingTo("0");
            });
    assertThat(
            db.jdbc()
                .queryForObject(
                    "SELECT COUNT(*) FROM baton_budget_reservation WHERE call_id IN ('a1', 'b1')"
                        + " AND settled_at IS NOT NULL",
                    Integer.class))
        .isEqualTo(2);
  }

  private static List<Boolean> recordAll(
      Database db, JdbcModelCallLog log, ModelCallRecord... calls) {
    return db.tx().execute(status -> log.recordAll(List.of(calls)));
  }

  private static JdbcModelCallLog modelCallLog(Database db) {
    LockedRow lockedRow = new LockedRow(db.transactions());
    return new JdbcModelCallLog(
        db.jdbc(),
        db.trail(),
        new BudgetLedger(
            db.jdbc(),
            lockedRow,
            new ModelsProperties(Map.of(), null, ModelsProperties.Budgets.NONE)),
        new RateWindows(db.jdbc(), lockedRow, Duration.ofMinutes(1)));
  }

  /** A reservation of a case's own budget, as {@link BudgetLedger#reserve} leaves it. */
  private static void reserve(Database db, String callId, String caseId, String amount) {
    db.jdbc()
        .update(
            "INSERT INTO baton_budget_account (scope, subject, budget_day, spent, reserved)"
                + " VALUES ('CASE', ?, DATE '1970-01-01', 0, ?)",
            caseId,
            new BigDecimal(amount));
    db.jdbc()
        .update(
            "INSERT INTO baton_budget_reservation (call_id, model, process_instance_id,"
                + " budget_day, amount, reserved_at, expires_at, scopes)"
                + " VALUES (?, 'smart', ?, CURRENT_DATE, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                + " 'CASE')",
            callId,
            caseId,
            new BigDecimal(amount));
  }

  private static ModelCallRecord call(String callId, String caseId, String cost) {
    return new ModelCallRecord(
        callId,
        Instant.now(),
        "smart",
        "openai",
        "gpt-test",
        "classify",
        null,
        null,
        10,
        2,
        new BigDecimal(cost == null ? "0" : cost),
        5,
        "OK",
        null,
        "sha-" + callId,
        caseId,
        "classify-intent",
        "task-" + callId,
        null,
        "{\"label\": \"REFUND\"}");
  }

  /**
   * V17 hashes the payload's digest instead of the payload: a trail written under the old rule is
   * hashed again and verifies; one changed before the migration still does not.
   */
  @ParameterizedTest
  @MethodSource("freshDatabases")
  void the_migration_to_payload_digests_keeps_intact_trails_intact_and_broken_ones_broken(
      DataSource dataSource) throws Exception {
    MigrationVersion beforeDigests =
        Arrays.stream(Flyway.configure().dataSource(dataSource).load().info().all())
            .map(MigrationInfo::getVersion)
            .filter(version -> version.compareTo(MigrationVersion.fromVersion("17")) < 0)
            .max(MigrationVersion::compareTo)
            .orElseThrow();
    Flyway.configure().dataSource(dataSource).target(beforeDigests).load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    oldRuleTrail(jdbc, "intact-case", false);
    oldRuleTrail(jdbc, "changed-case", true);

    JdbcTemplate migrated = CaseTrailOnBareDatabase.migrate(dataSource);
    CaseTrail trail = CaseTrailOnBareDatabase.caseTrail(dataSource, migrated);

    assertThat(trail.verify("intact-case").intact()).isTrue();
    assertThat(trail.verify("changed-case").intact()).isFalse();
    assertThat(trail.entries("intact-case"))
        .extracting(TrailEntry::payloadSha256)
        .doesNotContainNull();
  }

  static Stream<Named<DataSource>> freshDatabases() {
    JdbcDataSource memory = new JdbcDataSource();
    memory.setURL(
        "jdbc:h2:mem:trail-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY");
    return Stream.of(
        Named.of("H2", memory),
        Named.of("PostgreSQL", EmbeddedPostgres.dataSource("trail_migration_it")));
  }

  /** Two entries and a head as the trail wrote them before V17; {@code changed}: then edited. */
  private static void oldRuleTrail(JdbcTemplate jdbc, String caseId, boolean changed)
      throws Exception {
    String previous = TrailHash.GENESIS;
    Instant at = Instant.parse("2026-11-01T10:00:00.123Z");
    for (int seq = 1; seq <= 2; seq++) {
      String payload = "{\"n\":" + seq + "}";
      String hash =
          DigestUtils.sha256Hex(
              new ObjectMapper()
                  .writeValueAsString(
                      Arrays.asList(
                          previous,
                          caseId,
                          seq,
                          at.toString(),
                          "HUMAN_DECISION",
                          "tester",
                          "review",
                          null,
                          false,
                          null,
                          payload)));
      jdbc.update(
          "INSERT INTO baton_audit_entry (process_instance_id, seq, recorded_at, kind, actor,"
              + " activity_id, model, ai_generated, source_ref, payload, prev_hash, hash)"
              + " VALUES (?, ?, ?, 'HUMAN_DECISION', 'tester', 'review', NULL, FALSE, NULL, ?, ?,"
              + " ?)",
          caseId,
          seq,
          OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
          changed && seq == 1 ? "{\"n\":7}" : payload,
          previous,
          hash);
      previous = hash;
    }
    jdbc.update(
        "INSERT INTO baton_audit_case (process_instance_id, root_process_instance_id,"
            + " business_key, process_definition_key, last_seq, last_hash)"
            + " VALUES (?, ?, NULL, 'test-process', 2, ?)",
        caseId,
        caseId,
        previous);
  }

  private static boolean append(Database db, String caseId, TrailEvent event) {
    return db.tx().execute(status -> db.trail().append(caseId, event));
  }

  private static TrailEvent event(Map<String, ?> payload) {
    return TrailEvent.of(TrailKind.HUMAN_DECISION, "tester", "review", payload);
  }

  private static String newCase(Database db, String businessKey) {
    String caseId = UUID.randomUUID().toString();
    db.jdbc()
        .update(
            "INSERT INTO ACT_HI_PROCINST (PROC_INST_ID_, ROOT_PROC_INST_ID_, BUSINESS_KEY_,"
                + " PROC_DEF_KEY_) VALUES (?, ?, ?, 'test-process')",
            caseId,
            caseId,
            businessKey);
    return caseId;
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> values = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      values.add(i);
    }
    return values;
  }
}
