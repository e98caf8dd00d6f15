package io.baton.connectors.classify;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Input of the {@code classify} connector.
 *
 * @param text the text to classify
 * @param labelSet the id of a label set (labels with examples, risk and reply templates); or
 * @param labels the labels to choose from, when no label set is given
 * @param model the named model that classifies; {@code local} when not given
 * @param minConfidence when given, a classification below it raises BPMN error {@code
 *     LOW_CONFIDENCE} instead of completing
 */
public record ClassifyRequest(
    @NotBlank @Size(max = ClassifyRequest.MAX_TEXT_LENGTH) String text,
    String labelSet,
    @Size(max = 50) List<@NotBlank String> labels,
    String model,
    @DecimalMin("0") @DecimalMax("1") Double minConfidence) {

  public static final int MAX_TEXT_LENGTH = 50_000;

  public ClassifyRequest {
    model = model == null || model.isBlank() ? "local" : model;
  }

  @AssertTrue(message = "give either a labelSet or at least two labels")
  boolean isLabelSetOrLabels() {
    boolean hasSet = labelSet != null && !labelSet.isBlank();
    boolean hasLabels = labels != null && labels.size() >= 2;
    return hasSet != hasLabels;
  }
}
