package io.baton.models;

/**
 * The model answered, but not in a form that can be used (not JSON, cut off, a label that is not
 * among the given ones). Never passed on as if it were a result.
 */
public class ModelOutputException extends RuntimeException {

  private final String model;

  public ModelOutputException(String model, String message) {
    super("model '" + model + "' " + message);
    this.model = model;
  }

  public String model() {
    return model;
  }
}
