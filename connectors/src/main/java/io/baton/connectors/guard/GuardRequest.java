package io.baton.connectors.guard;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Input of the {@code guard} connector.
 *
 * @param text the message to judge, as the customer sent it
 * @param labelSet the id of the label set the message is classified against; when given, every part
 *     is classified too, and a message unlike all of its examples is held back
 * @param minSimilarity a message none of whose parts reaches this cosine similarity to a labelled
 *     example is out of distribution; {@value #DEFAULT_MIN_SIMILARITY} when not given
 */
public record GuardRequest(
    @NotBlank @Size(max = GuardRequest.MAX_TEXT_LENGTH) String text,
    String labelSet,
    @DecimalMin("0") @DecimalMax("1") Double minSimilarity) {

  public static final int MAX_TEXT_LENGTH = 50_000;
  public static final double DEFAULT_MIN_SIMILARITY = 0.4;

  public GuardRequest {
    labelSet = labelSet == null || labelSet.isBlank() ? null : labelSet;
    minSimilarity = minSimilarity == null ? DEFAULT_MIN_SIMILARITY : minSimilarity;
  }
}
