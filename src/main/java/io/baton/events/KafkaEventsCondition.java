package io.baton.events;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when Kafka is configured for events: {@code spring.kafka.bootstrap-servers} is set and
 * {@code baton.events.kafka.topics} names at least one topic. Without both, Baton never reaches for
 * a broker.
 */
class KafkaEventsCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return missing(context.getEnvironment()).isEmpty();
  }

  /** What is missing for Kafka, named by its setting; empty when Kafka is configured. */
  static Optional<String> missing(Environment environment) {
    Binder binder = Binder.get(environment);
    List<String> servers =
        binder
            .bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
            .orElse(List.of());
    List<String> topics =
        binder.bind("baton.events.kafka.topics", Bindable.listOf(String.class)).orElse(List.of());
    if (servers.stream().allMatch(String::isBlank)) {
      return Optional.of(
          "spring.kafka.bootstrap-servers (SPRING_KAFKA_BOOTSTRAP_SERVERS) is not set");
    }
    if (topics.stream().allMatch(String::isBlank)) {
      return Optional.of("baton.events.kafka.topics (BATON_EVENTS_KAFKA_TOPICS) names no topic");
    }
    return Optional.empty();
  }
}
