package io.baton.effects;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.effects.EffectLedger.Effect;
import io.baton.support.CaseTrailOnBareDatabase;
import io.baton.support.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The effect ledger's lease on H2 and on PostgreSQL, migrated by Flyway as the application does:
 * while one attempt holds an effect no other attempt may act under its key; a lease that ran out is
 * taken over by exactly one attempt.
 */
class EffectLedgerIT {

  private static final Duration LEASE = Duration.ofMinutes(1);
  private static EffectLedger h2;
  private static EffectLedger postgres;

  @BeforeAll
  static void migrate() {
    JdbcDataSource memory = new JdbcDataSource();
    memory.setURL("jdbc:h2:mem:effect-ledger-it;DB_CLOSE_DELAY=-1;MODE=LEGACY");
    h2 = ledgerOn(memory);
    postgres = ledgerOn(EmbeddedPostgres.dataSource("effect_ledger_it"));
  }

  private static EffectLedger ledgerOn(DataSource dataSource) {
    JdbcTemplate jdbc = CaseTrailOnBareDatabase.migrate(dataSource);
    return new EffectLedger(jdbc, CaseTrailOnBareDatabase.caseTrail(dataSource, jdbc));
  }

  static Stream<Named<EffectLedger>> ledgers() {
    return Stream.of(Named.of("H2", h2), Named.of("PostgreSQL", postgres));
  }

  @ParameterizedTest
  @MethodSource("ledgers")
  void should_not_let_a_second_attempt_act_while_the_first_holds_the_lease(EffectLedger ledger) {
    String key = newKey();
    Effect first = ledger.start(key, "baton.notify", "pi-1", "worker-a:task-1", LEASE);

    Effect second = ledger.start(key, "baton.notify", "pi-1", "worker-b:task-1", LEASE);

    assertThat(first.heldBy("worker-a:task-1")).isTrue();
    assertThat(second.heldBy("worker-b:task-1")).isFalse();
    assertThat(second.leaseOwner()).isEqualTo("worker-a:task-1");
    assertThat(second.leaseMillisLeft()).isBetween(30_000L, 60_000L);
    assertThat(second.attempts()).as("the refused attempt did not act").isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("ledgers")
  void should_keep_the_lease_for_the_attempt_that_asks_again(EffectLedger ledger) {
    String key = newKey();
    ledger.start(key, "baton.notify", "pi-1", "worker-a:task-1", LEASE);

    Effect again = ledger.start(key, "baton.notify", "pi-1", "worker-a:task-1", LEASE);

    assertThat(again.heldBy("worker-a:task-1")).isTrue();
    assertThat(again.attempts()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("ledgers")
  void should_let_another_attempt_take_over_a_lease_that_ran_out(EffectLedger ledger)
      throws InterruptedException {
    String key = newKey();
    ledger.start(key, "baton.notify", "pi-1", "killed-worker:task-1", Duration.ofMillis(1));
    Thread.sleep(20);

    Effect taken = ledger.start(key, "baton.notify", "pi-1", "worker-b:task-1", LEASE);

    assertThat(taken.heldBy("worker-b:task-1")).isTrue();
    assertThat(taken.attempts()).isEqualTo(2);
    assertThat(ledger.renew(key, "killed-worker:task-1", LEASE).heldBy("killed-worker:task-1"))
        .as("the old owner cannot renew what was taken over")
        .isFalse();
    assertThat(ledger.finish(key, "killed-worker:task-1", "{}").done())
        .as("nor record a result for it")
        .isFalse();
  }

  @ParameterizedTest
  @MethodSource("ledgers")
  void should_keep_a_renewed_lease_from_running_out(EffectLedger ledger)
      throws InterruptedException {
    String key = newKey();
    ledger.start(key, "baton.notify", "pi-1", "worker-a:task-1", Duration.ofMillis(300));

    Effect renewed = ledger.renew(key, "worker-a:task-1", LEASE);
    Thread.sleep(400);
    Effect second = ledger.start(key, "baton.notify", "pi-1", "worker-b:task-1", LEASE);

    assertThat(renewed.heldBy("worker-a:task-1")).isTrue();
    assertThat(second.leaseOwner()).isEqualTo("worker-a:task-1");
  }

  @ParameterizedTest
  @MethodSource("ledgers")
  void should_let_the_next_attempt_act_at_once_when_the_owner_gives_up(EffectLedger ledger) {
    String key = newKey();
    ledger.start(key, "baton.notify", "pi-1", "worker-a:task-1", LEASE);

    ledger.renew(key, "worker-a:task-1", Duration.ZERO);
    Effect second = ledger.start(key, "baton.notify", "pi-1", "worker-b:task-1", LEASE);

    assertThat(second.heldBy("worker-b:task-1")).isTrue();
  }

  @ParameterizedTest
  @MethodSource("ledgers")
  void should_record_only_the_owners_result_and_return_it_to_later_attempts(EffectLedger ledger) {
    String key = newKey();
    ledger.start(key, "baton.notify", "pi-1", "worker-a:task-1", LEASE);

    Effect byOther = ledger.finish(key, "worker-b:task-1", "{\"by\":\"b\"}");
    Effect byOwner = ledger.finish(key, "worker-a:task-1", "{\"by\":\"a\"}");
    Effect later = ledger.start(key, "baton.notify", "pi-1", "worker-c:task-2", LEASE);

    assertThat(byOther.done()).isFalse();
    assertThat(byOwner.done()).isTrue();
    assertThat(later.done()).isTrue();
    assertThat(later.result()).isEqualTo("{\"by\":\"a\"}");
    assertThat(later.attempts()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("ledgers")
  void should_let_exactly_one_of_many_attempts_at_once_take_over_a_lease_that_ran_out(
      EffectLedger ledger) throws Exception {
    String key = newKey();
    ledger.start(key, "baton.notify", "pi-1", "killed-worker:task-1", Duration.ofMillis(1));
    Thread.sleep(20);
    int attempts = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    List<Future<Boolean>> acted = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      String owner = "worker-" + i + ":task-1";
      acted.add(
          pool.submit(
              () -> {
                go.await();
                return ledger.start(key, "baton.notify", "pi-1", owner, LEASE).heldBy(owner);
              }));
    }
    go.countDown();
    int winners = 0;
    for (Future<Boolean> result : acted) {
      winners += result.get() ? 1 : 0;
    }
    pool.shutdown();

    assertThat(winners).isEqualTo(1);
    assertThat(ledger.find(key).orElseThrow().attempts()).isEqualTo(2);
  }

  private static String newKey() {
    return "pi-1:" + UUID.randomUUID();
  }
}
