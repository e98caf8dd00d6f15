package io.baton.models;

/**
 * A prompt template filled with values, ready to send.
 *
 * @param system instructions, or null
 * @param json whether the answer must be a JSON object (the provider's JSON mode is switched on)
 */
public record RenderedPrompt(PromptRef ref, String system, String user, boolean json) {}
