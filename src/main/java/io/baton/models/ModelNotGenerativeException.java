package io.baton.models;

/** A task needs a model that writes text, and the chosen one does not. */
public class ModelNotGenerativeException extends IllegalArgumentException {

  public ModelNotGenerativeException(String model, String what) {
    super(
        ("model '%s' is not generative: it cannot %s. Choose a generative model"
                + " (provider openai, ollama or anthropic under baton.models.*)")
            .formatted(model, what));
  }
}
