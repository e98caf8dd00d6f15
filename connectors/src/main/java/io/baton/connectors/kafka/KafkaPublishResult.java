package io.baton.connectors.kafka;

/**
 * Output of the {@code kafka-publish} tool: where the broker stored the record.
 *
 * @param kafkaTopic the topic
 * @param kafkaPartition the partition
 * @param kafkaOffset the record's offset in that partition
 */
public record KafkaPublishResult(String kafkaTopic, int kafkaPartition, long kafkaOffset) {}
