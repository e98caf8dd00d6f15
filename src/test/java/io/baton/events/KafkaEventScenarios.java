package io.baton.events;

import static io.baton.events.TestEvents.PROCESS;
import static io.baton.events.TestEvents.STARTED;
import static io.baton.events.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Events from Kafka as in production: PostgreSQL and a real KRaft broker. A record starts a case
 * once however often it is delivered, a malformed one goes unchanged to the dead-letter topic with
 * its reason, and a burst of 1,000 events with duplicates among them ends as exactly 1,000 cases.
 * The intake rate is printed and written to {@code target/event-intake.txt}, never asserted.
 *
 * <p>A test class that starts the application on PostgreSQL with a broker runs these as a nested
 * class (so the suite starts that application once): its broker has {@link #TOPIC} with {@link
 * #PARTITIONS} partitions and {@link #DEAD_LETTERS}, and its settings are {@link #settings}.
 */
public abstract class KafkaEventScenarios {

  public static final String TOPIC = "test.events";
  public static final String DEAD_LETTERS = "test.events.dead-letter";
  public static final int PARTITIONS = 2;

  /** The mappings these scenarios need, for {@code @TestPropertySource(locations = ...)}. */
  public static final String MAPPINGS = TestEvents.MAPPINGS;

  private KafkaProducer<byte[], byte[]> producer;

  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;

  /** The broker's address. */
  protected abstract String bootstrapServers();

  /**
   * The events settings these scenarios need, besides the broker's address.
   *
   * @param topics every topic the application consumes, {@link #TOPIC} among them
   */
  public static void settings(DynamicPropertyRegistry registry, String topics) {
    registry.add("baton.events.kafka.topics", () -> topics);
    registry.add("baton.events.kafka.dead-letter-topic", () -> DEAD_LETTERS);
    registry.add("baton.events.kafka.concurrency", () -> PARTITIONS);
  }

  @BeforeEach
  void startProducer() {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG,
                5));
  }

  @AfterEach
  void stopProducer() {
    producer.close();
  }

  @BeforeEach
  void deploy() {
    TestEvents.deploy(repository);
  }

  void send(String key, String value) {
    producer.send(new ProducerRecord<>(TOPIC, bytes(key), bytes(value)));
  }

  void send(int partition, String key, String value) {
    producer.send(new ProducerRecord<>(TOPIC, partition, bytes(key), bytes(value)));
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  long cases(String businessKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count();
  }

  /** Every record sent before is taken once a marker sent after it on each partition is. */
  void awaitAllTaken() {
    String marker = "M-" + UUID.randomUUID();
    for (int partition = 0; partition < PARTITIONS; partition++) {
      send(
          partition,
          marker,
          event(UUID.randomUUID().toString(), STARTED, "{\"caseId\":\"" + marker + "\"}"));
    }
    producer.flush();
    await().atMost(Duration.ofSeconds(60)).until(() -> cases(marker) == PARTITIONS);
  }

  @Test
  void should_start_a_case_once_however_often_its_event_is_delivered() {
    String event = event(UUID.randomUUID().toString(), STARTED, "{\"caseId\":\"K-1\",\"n\":1}");
    send("K-1", event);
    send("K-1", event);
    ProducerRecord<byte[], byte[]> binary =
        new ProducerRecord<>(TOPIC, bytes("K-2"), bytes("{\"caseId\":\"K-2\"}"));
    binary.headers().add("ce_specversion", bytes("1.0"));
    binary.headers().add("ce_id", bytes(UUID.randomUUID().toString()));
    binary.headers().add("ce_source", bytes("/tests/wms"));
    binary.headers().add("ce_type", bytes(STARTED));
    binary.headers().add("content-type", bytes("application/json"));
    producer.send(binary);

    awaitAllTaken();

    assertThat(cases("K-1")).isEqualTo(1);
    assertThat(cases("K-2")).isEqualTo(1);
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey("K-2")
            .singleResult()
            .getId();
    assertThat(runtime.getVariable(instance, "eventSource")).isEqualTo("/tests/wms");
  }

  @Test
  void should_send_a_refused_record_unchanged_to_the_dead_letter_topic_with_its_reason() {
    String malformed = "{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"x\",\"data\":{}}";
    String unmapped =
        event("u-" + UUID.randomUUID(), "io.baton.test.unknown", "{\"caseId\":\"K-3\"}");
    send("K-3", malformed);
    send("K-3", unmapped);
    send("K-3", "not json at all");
    producer.flush();

    List<ConsumerRecord<byte[], byte[]>> dead = deadLetters(3);

    assertThat(dead)
        .extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
        .containsExactly(malformed, unmapped, "not json at all");
    assertThat(dead)
        .extracting(record -> header(record, KafkaEvents.REASON_HEADER))
        .satisfiesExactly(
            reason -> assertThat(reason).contains("it has no id"),
            reason ->
                assertThat(reason).contains("no mapping for event type 'io.baton.test.unknown'"),
            reason -> assertThat(reason).contains("the event is not valid JSON"));
    assertThat(header(dead.get(0), "kafka_dlt-original-topic")).isEqualTo(TOPIC);
    assertThat(dead.get(0).headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
    assertThat(cases("K-3")).isZero();
  }

  @Test
  void should_start_exactly_one_case_per_event_of_a_burst_with_duplicates() throws Exception {
    int events = 1000;
    List<String> records = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      records.add(event("burst-" + i, STARTED, "{\"caseId\":\"B-%04d\",\"i\":%d}".formatted(i, i)));
    }
    Random random = new Random(12);
    List<String> burst = new ArrayList<>(records);
    for (int i = 0; i < 50; i++) {
      burst.add(records.get(random.nextInt(events)));
    }
    Collections.shuffle(burst, random);

    long start = System.nanoTime();
    for (String record : burst) {
      send("burst-" + random.nextInt(1000), record);
    }
    producer.flush();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> burstCases() >= events);
    double seconds = (System.nanoTime() - start) / 1e9;
    awaitAllTaken();

    assertThat(burstCases()).isEqualTo(events);
    String rate =
        "event intake: %d events (%d deliveries with %d duplicates) to %d cases in %.2f s = %.0f events/s (PostgreSQL, embedded KRaft Kafka, %d partitions, %d consumers)%n"
            .formatted(
                events,
                burst.size(),
                burst.size() - events,
                events,
                seconds,
                events / seconds,
                PARTITIONS,
                PARTITIONS);
    System.out.print(rate);
    Files.writeString(Path.of("target", "event-intake.txt"), rate);
  }

  long burstCases() {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS)
        .processInstanceBusinessKeyLike("B-%")
        .count();
  }

  List<ConsumerRecord<byte[], byte[]>> deadLetters(int count) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
      consumer.subscribe(List.of(DEAD_LETTERS));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (records.size() < count && System.nanoTime() < giveUp) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      records.sort(java.util.Comparator.comparingLong(ConsumerRecord::timestamp));
      return records;
    }
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
