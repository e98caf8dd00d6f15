package io.baton.events;

import io.baton.events.EventIntake.Taken;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Events from Kafka, when {@link KafkaEventsCondition} finds a broker and topics: each record is
 * one CloudEvent (structured: the value is the JSON; binary: {@code ce_*} headers and the data as
 * the value) taken by {@link EventIntake}. A refused record goes at once, unchanged, to the
 * dead-letter topic with its reason in the header {@value #REASON_HEADER} (and spring-kafka's
 * headers naming the original topic, partition and offset); a transient failure is retried with
 * backoff for {@code baton.events.kafka.retry-for}, then goes there too.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(KafkaEventsCondition.class)
class KafkaEvents {

  static final String REASON_HEADER = "baton-dead-letter-reason";

  private static final Logger log = LoggerFactory.getLogger(KafkaEvents.class);

  @Bean
  DeadLetters batonEventsDeadLetters(
      KafkaProperties kafka, ObjectProvider<SslBundles> ssl, EventsProperties events) {
    Map<String, Object> producer =
        new HashMap<>(kafka.buildProducerProperties(ssl.getIfAvailable()));
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new DeadLetters(
        new DefaultKafkaProducerFactory<>(producer), events.kafka().deadLetterTopic());
  }

  @Bean
  ConcurrentMessageListenerContainer<byte[], byte[]> batonEventsContainer(
      KafkaProperties kafka,
      ObjectProvider<SslBundles> ssl,
      EventsProperties events,
      EventIntake intake,
      CloudEventReader reader,
      DeadLetters deadLetters) {
    EventsProperties.Kafka settings = events.kafka();
    Map<String, Object> consumer =
        new HashMap<>(kafka.buildConsumerProperties(ssl.getIfAvailable()));
    consumer.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

    List<String> topics = settings.topics().stream().filter(t -> !t.isBlank()).toList();
    ContainerProperties container = new ContainerProperties(topics.toArray(String[]::new));
    container.setMessageListener(
        (MessageListener<byte[], byte[]>) record -> take(record, reader, intake));
    ConcurrentMessageListenerContainer<byte[], byte[]> listener =
        new ConcurrentMessageListenerContainer<>(
            new DefaultKafkaConsumerFactory<>(consumer), container);
    listener.setConcurrency(settings.concurrency());
    listener.setCommonErrorHandler(errorHandler(deadLetters, settings));
    log.info(
        "events: consuming {} as group {} ({} consumers); refused events go to {}",
        topics,
        settings.groupId(),
        settings.concurrency(),
        settings.deadLetterTopic());
    return listener;
  }

  static void take(
      ConsumerRecord<byte[], byte[]> record, CloudEventReader reader, EventIntake intake) {
    IncomingEvent event = read(record, reader);
    Taken taken = intake.take(event);
    log.debug(
        "events: {} from {}-{}@{} -> {} {}{}",
        event.describe(),
        record.topic(),
        record.partition(),
        record.offset(),
        taken.action(),
        taken.processInstanceId(),
        taken.duplicate() ? " (duplicate)" : "");
  }

  /** Binary mode when the record has a {@code ce_specversion} header, else structured. */
  static IncomingEvent read(ConsumerRecord<byte[], byte[]> record, CloudEventReader reader) {
    if (record.headers().lastHeader("ce_specversion") == null) {
      return reader.structured(record.value());
    }
    Map<String, String> attributes = new HashMap<>();
    String contentType = null;
    for (Header header : record.headers()) {
      String value =
          header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
      if (header.key().startsWith("ce_")) {
        attributes.put(header.key().substring(3), value);
      } else if (header.key().equalsIgnoreCase("content-type")) {
        contentType = value;
      }
    }
    return reader.binary(attributes, contentType, record.value());
  }

  private static DefaultErrorHandler errorHandler(
      DeadLetters deadLetters, EventsProperties.Kafka settings) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            deadLetters.template(), (record, e) -> new TopicPartition(deadLetters.topic(), -1));
    recoverer.setHeadersFunction(
        (record, e) ->
            new RecordHeaders(
                new Header[] {
                  new RecordHeader(
                      REASON_HEADER, reason(e, settings).getBytes(StandardCharsets.UTF_8))
                }));
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(30_000);
    backOff.setMaxElapsedTime(settings.retryFor().toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
    handler.addNotRetryableExceptions(EventRefusedException.class);
    return handler;
  }

  /** The refusal's reason, or the transient failure that retrying for a while did not cure. */
  static String reason(Throwable e, EventsProperties.Kafka settings) {
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EventRefusedException refused) {
        return refused.getMessage();
      }
      root = t;
    }
    return "still failing after retrying for %s (baton.events.kafka.retry-for): %s"
        .formatted(settings.retryFor(), root.getMessage() == null ? root : root.getMessage());
  }

  /** The producer of dead letters: bytes in, the same bytes out. */
  static final class DeadLetters implements DisposableBean {

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;
    private final String topic;

    DeadLetters(DefaultKafkaProducerFactory<byte[], byte[]> producers, String topic) {
      this.producers = producers;
      this.template = new KafkaTemplate<>(producers);
      this.topic = topic;
    }

    KafkaTemplate<byte[], byte[]> template() {
      return template;
    }

    String topic() {
      return topic;
    }

    @Override
    public void destroy() {
      producers.destroy();
    }
  }
}
