package io.baton.connectors.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.RetryLaterException;
import io.baton.connectors.ToolConnector;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes one record to an allow-listed topic ({@code baton.tools.kafka.topics}) on topic {@code
 * baton.kafka-publish}, with header {@value #KEY_HEADER}, and waits for the broker's
 * acknowledgement. The producer is idempotent ({@code acks=all}); without a broker configured the
 * tool exists but refuses to act, and nothing connects at start.
 */
public class KafkaPublishFunction
    implements ToolConnector<KafkaPublishRequest, KafkaPublishResult> {

  /** The header that carries the task's idempotency key, so a consumer can drop a duplicate. */
  public static final String KEY_HEADER = "baton-idempotency-key";

  static final String NO_BROKER =
      "kafka-publish needs a broker: set spring.kafka.bootstrap-servers"
          + " (SPRING_KAFKA_BOOTSTRAP_SERVERS)";

  private final KafkaPublishSettings settings;
  private final KafkaTemplate<String, String> template;
  private final Set<String> topics;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param producers an idempotent producer factory, or null when no broker is configured
   */
  public KafkaPublishFunction(
      KafkaPublishSettings settings, ProducerFactory<String, String> producers) {
    this.settings = settings;
    this.template = producers == null ? null : new KafkaTemplate<>(producers);
    this.topics = Set.copyOf(settings.topics().stream().map(String::strip).toList());
  }

  @Override
  public String topic() {
    return "baton.kafka-publish";
  }

  @Override
  public Class<KafkaPublishRequest> inputType() {
    return KafkaPublishRequest.class;
  }

  @Override
  public KafkaPublishResult act(KafkaPublishRequest input, String idempotencyKey) {
    if (!topics.contains(input.topic())) {
      throw new ConnectorIncident(
          "Kafka topic '%s' is not allowed: add it to baton.tools.kafka.topics (BATON_TOOLS_KAFKA_TOPICS), now %s"
              .formatted(input.topic(), topics.stream().sorted().toList()));
    }
    if (input.headers().containsKey(KEY_HEADER)) {
      throw new ConnectorIncident("header '" + KEY_HEADER + "' is Baton's: choose another name");
    }
    if (template == null) {
      throw new ConnectorIncident(NO_BROKER);
    }
    ProducerRecord<String, String> record =
        new ProducerRecord<>(input.topic(), input.key(), write(input));
    input.headers().forEach((name, value) -> record.headers().add(name, bytes(value)));
    record.headers().add(KEY_HEADER, bytes(idempotencyKey));
    RecordMetadata stored = send(record).getRecordMetadata();
    return new KafkaPublishResult(stored.topic(), stored.partition(), stored.offset());
  }

  private SendResult<String, String> send(ProducerRecord<String, String> record) {
    // the producer's own delivery timeout is twice the send timeout; wait a little longer for it
    long timeout = 2 * settings.sendTimeout().toMillis() + 1000;
    try {
      return template.send(record).get(timeout, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new RetryLaterException(
          "no acknowledgement from the Kafka broker within %d ms".formatted(timeout), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryLaterException("interrupted while publishing to Kafka", null);
    } catch (ExecutionException e) {
      throw failed(e.getCause());
    } catch (RuntimeException e) {
      throw failed(e);
    }
  }

  private static RuntimeException failed(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      if (root instanceof RetriableException) {
        break;
      }
      root = root.getCause();
    }
    String why = root.getMessage() == null ? root.toString() : root.getMessage();
    if (root instanceof RetriableException
        || root instanceof org.apache.kafka.common.errors.TimeoutException) {
      return new RetryLaterException("the Kafka broker is not reachable: " + why, null);
    }
    return new ConnectorIncident("the Kafka broker refused the record: " + why, error);
  }

  private String write(KafkaPublishRequest input) {
    try {
      return json.writeValueAsString(input.value());
    } catch (JsonProcessingException e) {
      throw new ConnectorIncident("the value cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(String value) {
    return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
  }
}
