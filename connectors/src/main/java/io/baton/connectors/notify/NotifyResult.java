package io.baton.connectors.notify;

/**
 * Output of the {@code notify} tool.
 *
 * @param notificationStatus the webhook's HTTP status
 * @param notificationKey the idempotency key the message was sent with
 */
public record NotifyResult(int notificationStatus, String notificationKey) {}
