package io.baton.connectors.labels;

import io.baton.connectors.vocabulary.Risk;
import io.baton.models.LabelExamples;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A named set of labels, read from a JSON file such as {@code customer-intents.json}. */
public record LabelSet(String id, String description, List<Label> labels) {

  public LabelSet {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a label set needs an 'id'");
    }
    if (labels == null || labels.isEmpty()) {
      throw new IllegalArgumentException("label set '" + id + "' has no labels");
    }
    Set<String> names = new HashSet<>();
    for (Label label : labels) {
      if (!names.add(label.name())) {
        throw new IllegalArgumentException(
            "label set '" + id + "' has label '" + label.name() + "' twice");
      }
      if (Arrays.stream(Risk.values()).noneMatch(risk -> risk.name().equals(label.risk()))) {
        throw new IllegalArgumentException(
            "label set '%s': label '%s' has risk '%s': use one of %s"
                .formatted(id, label.name(), label.risk(), Arrays.toString(Risk.values())));
      }
    }
    labels = List.copyOf(labels);
  }

  /**
   * A label set for labels a task names itself: each label is its own only example, and has no risk
   * class or replies.
   */
  public static LabelSet of(List<String> names) {
    return new LabelSet(
        "labels",
        "labels given by the task",
        names.stream().map(n -> new Label(n, null, null, List.of(n), List.of())).toList());
  }

  public Optional<Label> label(String name) {
    return labels.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  public List<String> names() {
    return labels.stream().map(Label::name).toList();
  }

  public List<LabelExamples> examples() {
    return labels.stream().map(l -> new LabelExamples(l.name(), l.examples())).toList();
  }

  /**
   * One label.
   *
   * @param risk the name of the {@link Risk} routing reads; MEDIUM when not given. A label set
   *     refuses any other word.
   * @param replies reply templates; {@code {customerId}} is replaced when a reply is drafted
   */
  public record Label(
      String name, String description, String risk, List<String> examples, List<String> replies) {

    public Label {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a label needs a 'name'");
      }
      if (examples == null || examples.isEmpty()) {
        throw new IllegalArgumentException("label '" + name + "' needs at least one example");
      }
      risk = risk == null ? Risk.MEDIUM.name() : risk;
      examples = List.copyOf(examples);
      replies = replies == null ? List.of() : List.copyOf(replies);
    }
  }
}
