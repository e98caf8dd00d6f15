package io.baton.models;

/**
 * A drafted reply.
 *
 * @param generated false when the model chose a given template instead of writing new text
 * @param similarity how close the chosen template is to the request (0..1), for a template choice
 */
public record Draft(
    String text,
    boolean generated,
    double similarity,
    String model,
    Usage usage,
    PromptRef prompt) {}
