package io.baton.models;

/** Tokens a model call consumed, as the provider reported them (0 for the offline model). */
public record Usage(int inputTokens, int outputTokens) {

  public static final Usage NONE = new Usage(0, 0);

  public Usage plus(Usage other) {
    return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
  }
}
