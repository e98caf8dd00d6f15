package io.baton.models;

import java.util.List;

/** A label and the example phrases that stand for it. */
public record LabelExamples(String label, List<String> examples) {

  public LabelExamples {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("a label needs a name");
    }
    if (examples == null || examples.isEmpty()) {
      throw new IllegalArgumentException("label '" + label + "' needs at least one example");
    }
    examples = List.copyOf(examples);
  }
}
