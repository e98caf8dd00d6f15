package io.baton.models;

/**
 * What a model filled in for a JSON schema: a JSON object as text, not yet checked against the
 * schema (the caller checks it and may ask again with the errors).
 *
 * @param generated false when the offline model matched labelled lines instead of reading the text
 */
public record Extraction(
    String json, boolean generated, String model, Usage usage, PromptRef prompt) {}
