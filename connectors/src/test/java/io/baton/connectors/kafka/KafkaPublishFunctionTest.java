package io.baton.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.RetryLaterException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The tool against a real Kafka broker (KRaft, in this JVM). */
class KafkaPublishFunctionTest {

  private static final String KEY = "pi-1:publish:ai-1";
  private static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1, "orders.approved", "audit");
    broker.afterPropertiesSet();
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  @Test
  void should_publish_the_value_as_json_with_key_and_headers_and_return_where_it_is()
      throws Exception {
    KafkaPublishFunction kafka = kafka(broker.getBrokersAsString(), "orders.approved");

    KafkaPublishResult result =
        kafka.act(
            new KafkaPublishRequest(
                "orders.approved",
                "order-7781",
                new ObjectMapper().readTree("{\"order\":7781,\"status\":\"approved\"}"),
                Map.of("source", "baton")),
            KEY);

    ConsumerRecord<String, String> record = readBack(result);
    assertThat(result.kafkaTopic()).isEqualTo("orders.approved");
    assertThat(record.key()).isEqualTo("order-7781");
    assertThat(new ObjectMapper().readTree(record.value()))
        .isEqualTo(new ObjectMapper().readTree("{\"status\":\"approved\",\"order\":7781}"));
    assertThat(header(record, "source")).isEqualTo("baton");
    assertThat(header(record, KafkaPublishFunction.KEY_HEADER)).isEqualTo(KEY);
  }

  @Test
  void should_read_json_text_as_json_and_keep_other_text_a_json_string() throws Exception {
    KafkaPublishFunction kafka = kafka(broker.getBrokersAsString(), "audit");
    JsonNode json = text("{\"a\":[1,2]}");
    JsonNode plain = text("approved");

    KafkaPublishResult first =
        kafka.act(new KafkaPublishRequest("audit", null, json, null), KEY + "-a");
    KafkaPublishResult second =
        kafka.act(new KafkaPublishRequest("audit", null, plain, null), KEY + "-b");

    assertThat(readBack(first).value()).isEqualTo("{\"a\":[1,2]}");
    assertThat(readBack(first).key()).isNull();
    assertThat(readBack(second).value()).isEqualTo("\"approved\"");
  }

  @Test
  void should_refuse_a_topic_that_is_not_on_the_allow_list() {
    KafkaPublishFunction kafka = kafka(broker.getBrokersAsString(), "orders.approved");

    assertThatThrownBy(
            () -> kafka.act(new KafkaPublishRequest("audit", null, text("x"), Map.of()), KEY))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("Kafka topic 'audit' is not allowed")
        .hasMessageContaining("baton.tools.kafka.topics");
  }

  @Test
  void should_refuse_to_act_without_a_broker_and_retry_when_the_broker_is_out_of_reach()
      throws IOException {
    KafkaPublishFunction unconfigured =
        new KafkaPublishFunction(
            new KafkaPublishSettings(List.of("orders.approved"), Duration.ofSeconds(2)), null);
    KafkaPublishRequest request = new KafkaPublishRequest("orders.approved", null, text("x"), null);
    assertThatThrownBy(() -> unconfigured.act(request, KEY))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessage(
            "kafka-publish needs a broker: set spring.kafka.bootstrap-servers"
                + " (SPRING_KAFKA_BOOTSTRAP_SERVERS)");

    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    assertThatThrownBy(() -> kafka("localhost:" + closed, "orders.approved").act(request, KEY))
        .isInstanceOf(RetryLaterException.class);
  }

  private static KafkaPublishFunction kafka(String bootstrap, String... topics) {
    KafkaProperties properties = new KafkaProperties();
    properties.setBootstrapServers(List.of(bootstrap));
    KafkaPublishSettings settings =
        new KafkaPublishSettings(List.of(topics), Duration.ofSeconds(2));
    return new KafkaPublishFunction(
        settings, KafkaPublishConfiguration.producers(properties, settings));
  }

  private static ConsumerRecord<String, String> readBack(KafkaPublishResult result) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      TopicPartition partition = new TopicPartition(result.kafkaTopic(), result.kafkaPartition());
      consumer.assign(List.of(partition));
      consumer.seek(partition, result.kafkaOffset());
      long deadline = System.currentTimeMillis() + 20_000;
      while (System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() == result.kafkaOffset()) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("record not found at " + result);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** A text value, as the worker binds a Json variable: its text. */
  private static JsonNode text(String text) {
    return TextNode.valueOf(text);
  }
}
