package io.baton.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KafkaEventsConditionTest {

  static StandardEnvironment environment(Map<String, Object> settings) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
    return environment;
  }

  @Test
  void should_need_bootstrap_servers() {
    assertThat(KafkaEventsCondition.missing(environment(Map.of("baton.events.kafka.topics", "a"))))
        .hasValueSatisfying(
            missing -> assertThat(missing).contains("spring.kafka.bootstrap-servers"));
  }

  @Test
  void should_need_a_topic() {
    assertThat(
            KafkaEventsCondition.missing(
                environment(Map.of("spring.kafka.bootstrap-servers", "kafka:9092"))))
        .hasValueSatisfying(missing -> assertThat(missing).contains("baton.events.kafka.topics"));
    assertThat(
            KafkaEventsCondition.missing(
                environment(
                    Map.of(
                        "spring.kafka.bootstrap-servers", "kafka:9092",
                        "baton.events.kafka.topics", ""))))
        .isPresent();
  }

  @Test
  void should_consume_with_both() {
    assertThat(
            KafkaEventsCondition.missing(
                environment(
                    Map.of(
                        "spring.kafka.bootstrap-servers", "kafka:9092",
                        "baton.events.kafka.topics", "erp.events,wms.events"))))
        .isEmpty();
  }
}
