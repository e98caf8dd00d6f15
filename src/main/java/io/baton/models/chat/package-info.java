/**
 * Generative models behind langchain4j's {@code ChatModel}: classify, extract and draft are built
 * on versioned prompts; provider errors become Baton's model exceptions.
 */
package io.baton.models.chat;
