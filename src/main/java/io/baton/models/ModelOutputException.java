package io.baton.models;

/**
 * The model answered, but not in a form that can be used (not JSON, cut off, a label that is not
 * among the given ones). Never passed on as if it were a result.
 */
public class ModelOutputException extends RuntimeException {

  private final String model;
  private final Usage usage;
  private final PromptRef prompt;

  public ModelOutputException(String model, String message) {
    super("model '" + model + "' " + message);
    this.model = model;
    this.usage = null;
    this.prompt = null;
  }

  private ModelOutputException(ModelOutputException unpriced, Usage usage, PromptRef prompt) {
    super(unpriced.getMessage(), unpriced.getCause());
    this.model = unpriced.model;
    this.usage = usage;
    this.prompt = prompt;
    setStackTrace(unpriced.getStackTrace());
  }

  /**
   * The same failure, with what the unusable answer cost and the prompt it answered: the provider
   * charges for it all the same, and the audit and the case's budget count it.
   */
  public ModelOutputException costing(Usage usage, PromptRef prompt) {
    return new ModelOutputException(this, usage, prompt);
  }

  public String model() {
    return model;
  }

  /** The tokens the unusable answer took, or {@link Usage#NONE} when unknown. */
  public Usage usage() {
    return usage == null ? Usage.NONE : usage;
  }

  /** The prompt the unusable answer was given for, or null when unknown. */
  public PromptRef prompt() {
    return prompt;
  }
}
