package io.baton.connectors.classify;

import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.classify.ClassifyResult.NearestExample;
import io.baton.connectors.labels.LabelSet;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.models.Classification;
import io.baton.models.Model;
import io.baton.models.ModelRegistry;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Picks the label of a label set that fits a text best, on topic {@code baton.classify}. */
@Component
public class ClassifyFunction implements ConnectorFunction<ClassifyRequest, ClassifyResult> {

  private final ModelRegistry models;
  private final LabelSetCatalog labelSets;

  public ClassifyFunction(ModelRegistry models, LabelSetCatalog labelSets) {
    this.models = models;
    this.labelSets = labelSets;
  }

  @Override
  public String topic() {
    return "baton.classify";
  }

  @Override
  public Class<ClassifyRequest> inputType() {
    return ClassifyRequest.class;
  }

  @Override
  public ClassifyResult apply(ClassifyRequest request) {
    LabelSet labelSet = labelSets.get(request.labelSet());
    Model model = models.get(request.model());
    Classification classification = model.classify(request.text(), labelSet.examples());
    LabelSet.Label label = labelSet.label(classification.label()).orElseThrow();
    List<NearestExample> nearest =
        classification.nearest().stream()
            .map(e -> new NearestExample(e.label(), e.text(), e.similarity()))
            .toList();
    return new ClassifyResult(
        label.name(),
        classification.confidence(),
        label.risk(),
        rationale(model, classification),
        nearest,
        model.name(),
        labelSet.id());
  }

  private static String rationale(Model model, Classification classification) {
    String examples =
        classification.nearest().stream()
            .map(e -> "\"%s\" (%s, %.2f)".formatted(e.text(), e.label(), e.similarity()))
            .collect(Collectors.joining("; "));
    String how =
        model.generative()
            ? "Model '%s' chose %s.".formatted(model.name(), classification.label())
            : "Model '%s' (%s, not generative) compared the message with labelled examples."
                .formatted(model.name(), model.provider());
    return String.format(
        Locale.ROOT,
        "%s Closest examples: %s. Confidence %.0f%%.",
        how,
        examples,
        classification.confidence() * 100);
  }
}
