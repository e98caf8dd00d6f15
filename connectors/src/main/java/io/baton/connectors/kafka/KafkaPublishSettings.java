package io.baton.connectors.kafka;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code kafka-publish} tool, {@code baton.tools.kafka.*}; the broker and the
 * producer are Spring Boot's {@code spring.kafka.*}.
 *
 * @param topics the topics a diagram may publish to; empty means none
 * @param sendTimeout how long to wait for the broker's acknowledgement before trying again later
 */
@ConfigurationProperties("baton.tools.kafka")
public record KafkaPublishSettings(
    @DefaultValue List<String> topics, @DefaultValue("15s") Duration sendTimeout) {}
