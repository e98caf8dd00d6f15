/**
 * The {@code kafka-publish} tool: publishes one record as JSON to an allow-listed Kafka topic, once
 * per task, and waits for the broker's acknowledgement.
 */
package io.baton.connectors.kafka;
