package io.baton.connectors.reply;

/**
 * Output of the {@code draft-reply} connector.
 *
 * @param reply the drafted reply text
 * @param replyGenerated false when the model chose a template instead of writing new text
 * @param replyModel the named model that drafted the reply
 */
public record DraftReplyResult(String reply, boolean replyGenerated, String replyModel) {}
