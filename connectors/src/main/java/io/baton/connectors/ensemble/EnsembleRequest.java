package io.baton.connectors.ensemble;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Input of the {@code ensemble} connector.
 *
 * @param models the named models that classify, at least two
 * @param method {@code vote} (majority; ties go to the higher mean confidence) or {@code judge}
 * @param judgeModel for {@code judge}: the model that chooses among the members' answers
 */
public record EnsembleRequest(
    @NotBlank @Size(max = 20_000) String text,
    String labelSet,
    @Size(max = 50) List<@NotBlank String> labels,
    @NotEmpty @Size(min = 2, max = 7) List<@NotBlank String> models,
    @Pattern(regexp = "vote|judge") String method,
    String judgeModel) {

  public EnsembleRequest {
    method = method == null || method.isBlank() ? "vote" : method;
  }

  @AssertTrue(message = "give either a labelSet or at least two labels")
  boolean isLabelSetOrLabels() {
    boolean hasSet = labelSet != null && !labelSet.isBlank();
    boolean hasLabels = labels != null && labels.size() >= 2;
    return hasSet != hasLabels;
  }

  @AssertTrue(message = "method judge needs a judgeModel")
  boolean isJudgeNamed() {
    return !"judge".equals(method) || (judgeModel != null && !judgeModel.isBlank());
  }
}
