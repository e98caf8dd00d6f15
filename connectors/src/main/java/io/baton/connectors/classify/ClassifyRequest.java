package io.baton.connectors.classify;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Input of the {@code classify} connector.
 *
 * @param text the text to classify
 * @param labelSet the id of the label set to choose from
 * @param model the named model that classifies; {@code local} when not given
 */
public record ClassifyRequest(
    @NotBlank @Size(max = ClassifyRequest.MAX_TEXT_LENGTH) String text,
    @NotBlank String labelSet,
    String model) {

  public static final int MAX_TEXT_LENGTH = 20_000;

  public ClassifyRequest {
    model = model == null || model.isBlank() ? "local" : model;
  }
}
