package io.baton.supplychain;

import static io.baton.support.ProcessInstances.awaitEnded;
import static io.baton.support.ProcessInstances.awaitWaitingAt;
import static io.baton.support.ProcessInstances.decide;
import static io.baton.support.ProcessInstances.historic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.events.KafkaEventScenarios;
import io.baton.support.PostgresEngineIT;
import io.baton.workers.TestWorkers;
import io.baton.workers.WorkerApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The supply-chain disruption process end to end on PostgreSQL: a shipment-delayed event on a real
 * (embedded, KRaft) Kafka broker starts the case; the embedded workers check the demo inventory
 * (sql), find the contract clauses (retrieve), assess the delay (the decision table, as no
 * generative model is configured), mail the planners (into a directory) and route it; a reviewer
 * approves in Tasklist's API; a worker that runs only the http tool (in a JVM of its own, killed in
 * the third test, then in this JVM) updates a stand-in ERP that counts the updates it received and
 * applied. The general Kafka intake scenarios run in the same application ({@link
 * EventsFromKafka}).
 */
@PostgresEngineIT(
    demoUsers = true,
    properties = {
      "baton.workers.exclude=http",
      "baton.tools.http.erp.bearer-token=" + ErpStandIn.TOKEN,
      "baton.tools.email.from=Baton <baton@localhost>"
    })
@TestPropertySource(locations = KafkaEventScenarios.MAPPINGS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupplyChainDisruptionIT {

  private static final EmbeddedKafkaKraftBroker kafka = startKafka();
  private static final ErpStandIn erp = ErpStandIn.start();
  private static final Path mail = tempDirectory();
  private static ConfigurableApplicationContext httpWorker;
  private static Process httpWorkerJvm;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @DynamicPropertySource
  static void parts(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", kafka::getBrokersAsString);
    KafkaEventScenarios.settings(registry, "shipments," + KafkaEventScenarios.TOPIC);
    registry.add("baton.tools.http.erp.base-url", erp::url);
    registry.add("baton.tools.email.outbox-directory", mail::toString);
    registry.add("baton.tools.sql.inventory.username", () -> "sa");
    registry.add(
        "baton.tools.sql.inventory.url",
        () ->
            "jdbc:h2:mem:scd-inventory;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;INIT=RUNSCRIPT FROM"
                + " 'classpath:demo/inventory.sql'");
  }

  @AfterAll
  static void stop() {
    if (httpWorker != null) {
      httpWorker.close();
    }
    if (httpWorkerJvm != null) {
      httpWorkerJvm.destroyForcibly();
    }
    erp.stop();
    kafka.destroy();
  }

  @Test
  @Order(1)
  void a_delayed_shipment_on_kafka_ends_in_one_erp_update_after_one_approval() throws Exception {
    // the same worker JVM serves the first three tests; it starts while the case gets to review
    httpWorkerJvm = TestWorkers.startJvm("scd-http-worker", httpWorkerArgs());
    publish("evt-1001", "S-1001", 30, 9);
    publish("evt-1001", "S-1001", 30, 9); // delivered twice: one case
    ProcessInstance pi = awaitCase("S-1001");
    awaitWaitingAt(pi, "review-reroute");

    assertThat(runtime.getVariables(pi.getId()))
        .containsEntry("rerouteOption", "TRANSFER_STOCK")
        .containsEntry("rerouteCost", 1350.0)
        .containsEntry("rerouteWarehouse", "rotterdam")
        .containsEntry("assessedBy", "decision table disruption-impact")
        .containsEntry("route", "REQUIRE_APPROVAL");
    assertThat((String) runtime.getVariable(pi.getId(), "rerouteWarehouse")).isNotBlank();
    assertThat(mailTo("planning@example.com"))
        .as("the planners are told once")
        .singleElement()
        .asString()
        .contains("Shipment S-1001 delayed 9 days");

    decide(pi, "reviewer", "reviewDecision", "APPROVE");
    runUpdate(pi);
    // the worker JVM may still be starting: it gets as long as the kill test used to give it
    await().atMost(Duration.ofSeconds(90)).until(() -> !erp.received("S-1001").isEmpty());
    awaitEnded(pi);

    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("S-1001")
                .count())
        .as("the same event twice started one case")
        .isEqualTo(1);
    assertThat(erp.applied("S-1001"))
        .singleElement()
        .satisfies(
            update -> assertThat(update.body()).contains("\"option\":\"TRANSFER_STOCK\"", "1350"));
    assertThat(historic(pi, "erpUpdateId")).isEqualTo("ERP-S-1001");
  }

  @Test
  @Order(2)
  void a_reroute_changed_after_approval_does_not_reach_the_erp_and_is_reviewed_again()
      throws Exception {
    publish("evt-1002", "S-1002", 30, 9);
    ProcessInstance pi = awaitCase("S-1002");
    awaitWaitingAt(pi, "review-reroute");
    decide(pi, "reviewer", "reviewDecision", "APPROVE");

    runtime.setVariable(pi.getId(), "rerouteWarehouse", "Somewhere else");
    runUpdate(pi);

    awaitWaitingAt(pi, "review-reroute");
    assertThat(erp.received("S-1002")).as("nothing was sent").isEmpty();
    assertThat((String) runtime.getVariable(pi.getId(), "approvalProblem"))
        .contains("changed after");
  }

  @Test
  @Order(3)
  void a_worker_killed_during_the_erp_update_leaves_exactly_one_update() throws Exception {
    publish("evt-1003", "S-1003", 30, 9);
    ProcessInstance pi = awaitCase("S-1003");
    awaitWaitingAt(pi, "review-reroute");
    decide(pi, "reviewer", "reviewDecision", "APPROVE");
    CountDownLatch[] hold = erp.holdNext("S-1003");

    runUpdate(pi); // the worker in a JVM of its own takes the ERP update
    assertThat(hold[0].await(90, TimeUnit.SECONDS)).as("the ERP call is under way").isTrue();
    httpWorkerJvm.destroyForcibly(); // SIGKILL while the ERP answers
    httpWorkerJvm.waitFor(30, TimeUnit.SECONDS);
    hold[1].countDown();

    httpWorker = WorkerApplication.start(httpWorkerArgs());
    awaitEnded(pi);
    assertThat(erp.applied("S-1003")).as("applied once").hasSize(1);
    assertThat(erp.received("S-1003"))
        .as("a repeated request carries the same idempotency key")
        .extracting(ErpStandIn.Received::idempotencyKey)
        .containsOnly(erp.applied("S-1003").get(0).idempotencyKey());
  }

  /**
   * Events from Kafka in general (one case per event, dead letters, a burst of 1,000), in this
   * application: it starts on PostgreSQL with a broker once for both.
   */
  @Nested
  class EventsFromKafka extends KafkaEventScenarios {

    @Override
    protected String bootstrapServers() {
      return kafka.getBrokersAsString();
    }
  }

  /** A worker that runs only the http tool, as a deployment may run tools apart. */
  private String[] httpWorkerArgs() {
    return TestWorkers.args(
        port,
        PostgresEngineIT.WORKER_PASSWORD,
        "--baton.workers.include=http",
        "--baton.workers.lock-duration=4s",
        // the test profile's backoff (a standalone worker does not run with that profile): after
        // the kill, the next attempt waits out the dead worker's lease, not a 5 s default backoff
        "--baton.workers.retry-backoff=200ms",
        "--baton.tools.http.erp.base-url=" + erp.url(),
        "--baton.tools.http.erp.bearer-token=" + ErpStandIn.TOKEN);
  }

  /** Runs the asynchronous start of the ERP update (the job executor is off in tests). */
  private void runUpdate(ProcessInstance pi) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> management.createJobQuery().processInstanceId(pi.getId()).count() > 0);
    management.executeJob(
        management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
  }

  private ProcessInstance awaitCase(String shipmentId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(shipmentId).count()
                    == 1);
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(shipmentId)
        .singleResult();
  }

  private static void publish(String eventId, String shipmentId, int quantity, int delayDays) {
    String event =
        """
        {"specversion":"1.0","id":"%s","source":"/demo/carrier","type":"io.baton.demo.shipment.delayed",
         "datacontenttype":"application/json",
         "data":{"shipmentId":"%s","sku":"PUMP-200","quantity":%d,"supplierId":"SUP-7",
                 "delayDays":%d,"destination":"Hamburg"}}
        """
            .formatted(eventId, shipmentId, quantity, delayDays);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
      producer.send(new ProducerRecord<>("shipments", shipmentId, event)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish to the embedded broker", e);
    }
  }

  private static List<String> mailTo(String address) throws IOException {
    try (Stream<Path> files = Files.list(mail)) {
      return files
          .map(
              file -> {
                try {
                  return Files.readString(file);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              })
          .filter(text -> text.contains(address))
          .toList();
    }
  }

  private static EmbeddedKafkaKraftBroker startKafka() {
    EmbeddedKafkaKraftBroker broker =
        new EmbeddedKafkaKraftBroker(
            1,
            KafkaEventScenarios.PARTITIONS,
            "shipments",
            KafkaEventScenarios.TOPIC,
            KafkaEventScenarios.DEAD_LETTERS);
    broker.afterPropertiesSet();
    return broker;
  }

  private static Path tempDirectory() {
    try {
      return Files.createTempDirectory("baton-scd-mail");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
