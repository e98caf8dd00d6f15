package io.baton.connectors.delivery;

/**
 * Output of the {@code send-reply} tool.
 *
 * @param replySent true: the reply was handed over
 * @param replyChannel {@code email} or {@code webhook}
 * @param replyReference the e-mail's Message-ID, or the key the webhook was called with
 */
public record ReplyDeliveryResult(boolean replySent, String replyChannel, String replyReference) {}
