package io.baton.connectors.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The {@code kafka-publish} tool with an idempotent producer built from Spring Boot's {@code
 * spring.kafka.*} settings, when {@code spring.kafka.bootstrap-servers} is set; without it the tool
 * refuses to act. The producer connects on the first publish, never at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KafkaPublishSettings.class, KafkaProperties.class})
class KafkaPublishConfiguration {

  private static final Logger log = LoggerFactory.getLogger(KafkaPublishConfiguration.class);

  @Bean
  KafkaPublishFunction kafkaPublishFunction(
      KafkaPublishSettings settings, ObjectProvider<KafkaProperties> kafka, Environment env) {
    if (!env.containsProperty("spring.kafka.bootstrap-servers")
        && !env.containsProperty("spring.kafka.producer.bootstrap-servers")) {
      log.info("kafka-publish has no broker: set spring.kafka.bootstrap-servers to use it");
      return new KafkaPublishFunction(settings, null);
    }
    return new KafkaPublishFunction(settings, producers(kafka.getObject(), settings));
  }

  /** An idempotent producer: every record acknowledged by all in-sync replicas, at most once. */
  static ProducerFactory<String, String> producers(
      KafkaProperties kafka, KafkaPublishSettings settings) {
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // the producer gives up within the send timeout (twice, for the metadata and for the ack), so
    // it does not deliver a record behind the back of the attempt that is already retrying
    long timeout = settings.sendTimeout().toMillis();
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (2 * timeout));
    return new DefaultKafkaProducerFactory<>(
        config, new StringSerializer(), new StringSerializer());
  }
}
