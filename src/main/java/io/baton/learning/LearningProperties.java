package io.baton.learning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baton.learning.*}.
 *
 * @param maxPerLabel the most learned examples of one label the model uses, the newest
 * @param maxPerReviewer the most learned examples of one label one reviewer's corrections give the
 *     model, the newest, so that one person cannot flood a label
 */
@ConfigurationProperties("baton.learning")
public record LearningProperties(
    @DefaultValue("200") int maxPerLabel, @DefaultValue("25") int maxPerReviewer) {

  public LearningProperties {
    if (maxPerLabel < 0 || maxPerReviewer < 0) {
      throw new IllegalArgumentException(
          "baton.learning.max-per-label and max-per-reviewer must not be negative");
    }
  }
}
