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
 * @param context what the process knows from before (such as the subject's earlier cases), sent to
 *     a generative model after the text; the local model does not read it
 */
public record ClassifyRequest(
    @NotBlank @Size(max = ClassifyRequest.MAX_TEXT_LENGTH) String text,
    String labelSet,
    @Size(max = 50) List<@NotBlank String> labels,
    String model,
    @DecimalMin("0") @DecimalMax("1") Double minConfidence,
    @Size(max = ClassifyRequest.MAX_CONTEXT_LENGTH) String context) {

  public static final int MAX_TEXT_LENGTH = 50_000;
  public static final int MAX_CONTEXT_LENGTH = 8_000;

  public ClassifyRequest(
      String text, String labelSet, List<String> labels, String model, Double minConfidence) {
    this(text, labelSet, labels, model, minConfidence, null);
  }

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
