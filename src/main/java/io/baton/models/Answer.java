package io.baton.models;

/** A generative model's answer to a rendered prompt. */
public record Answer(String text, String model, Usage usage, PromptRef prompt) {}
