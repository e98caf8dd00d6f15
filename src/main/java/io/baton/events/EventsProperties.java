package io.baton.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baton.events.*}: which event starts or correlates to which case, and where events come in
 * from Kafka.
 *
 * @param mappings by name: one per CloudEvents type
 * @param kafka the topics Baton consumes; none without {@code spring.kafka.bootstrap-servers}
 */
@ConfigurationProperties("baton.events")
@Validated
public record EventsProperties(
    @DefaultValue Map<String, @Valid Mapping> mappings, @DefaultValue @Valid Kafka kafka) {

  /** What an event does to a case. */
  public enum Action {
    /** starts a case at the message start event */
    START,
    /** continues the case with the business key that waits for the message */
    CORRELATE
  }

  /**
   * @param type the CloudEvents {@code type} this mapping takes
   * @param message the BPMN message name: a message start event (start) or a message the case waits
   *     for (correlate)
   * @param action start or correlate
   * @param businessKey a JSON path into the event's data that finds the case's business key
   */
  public record Mapping(
      @NotBlank String type,
      @NotBlank String message,
      @NotNull Action action,
      @NotBlank String businessKey) {}

  /**
   * @param topics the topics to consume; none, or no bootstrap servers, means no consumer
   * @param groupId the consumer group
   * @param deadLetterTopic where a refused record goes, unchanged, with its reason in the header
   *     {@code baton-dead-letter-reason}
   * @param concurrency consumers in this instance (at most one per partition is busy)
   * @param retryFor how long a transient failure (the database unreachable) is retried, with
   *     backoff, before the record goes to the dead-letter topic
   */
  public record Kafka(
      @DefaultValue List<@NotBlank String> topics,
      @DefaultValue("baton-events") @NotBlank String groupId,
      @DefaultValue("baton.events.dead-letter") @NotBlank String deadLetterTopic,
      @DefaultValue("2") @Min(1) int concurrency,
      @DefaultValue("5m") @NotNull Duration retryFor) {}
}
