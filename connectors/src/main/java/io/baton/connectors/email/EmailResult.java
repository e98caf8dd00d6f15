package io.baton.connectors.email;

/**
 * Output of the {@code email} tool.
 *
 * @param emailMessageId the Message-ID the message was sent with, derived from the idempotency key
 * @param emailRecipients how many addresses it was sent to
 */
public record EmailResult(String emailMessageId, int emailRecipients) {}
