package io.baton.connectors.classify;

import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.TaskContext;
import io.baton.connectors.classify.ClassifyResult.NearestExample;
import io.baton.connectors.labels.LabelSet;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.models.Classification;
import io.baton.models.Completions;
import io.baton.models.LabelExamples;
import io.baton.models.Model;
import io.baton.models.ModelRegistry;
import io.baton.models.ModelTask;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Picks the label that fits a text best, from a label set or a list of labels, on topic {@code
 * baton.classify}. Raises {@value #LOW_CONFIDENCE} when the task sets a minimum confidence that the
 * model does not reach.
 */
@Component
public class ClassifyFunction implements ConnectorFunction<ClassifyRequest, ClassifyResult> {

  public static final String LOW_CONFIDENCE = "LOW_CONFIDENCE";

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
  public ClassifyResult apply(ClassifyRequest request, TaskContext context) {
    return Completions.join(applyAsync(request, context, Completions.CALLER));
  }

  @Override
  public CompletionStage<ClassifyResult> applyAsync(
      ClassifyRequest request, TaskContext context, Executor executor) {
    LabelSet labelSet =
        request.labels() == null
            ? labelSets.get(request.labelSet())
            : LabelSet.of(request.labels());
    List<LabelExamples> labels = labelSet.examples();
    Model model = models.get(request.model());
    // a label set's id lets the local model add what reviewers taught it; ad-hoc labels have none
    String learnedFrom = request.labels() == null ? labelSet.id() : null;
    return model
        .classifyAsync(
            new ModelTask.Classify(
                request.text(), labels, learnedFrom, request.context(), context.callSite()),
            executor)
        .thenApply(classification -> result(request, labelSet, classification));
  }

  private static ClassifyResult result(
      ClassifyRequest request, LabelSet labelSet, Classification classification) {
    String risk = labelSet.label(classification.label()).map(LabelSet.Label::risk).orElse(null);
    if (request.minConfidence() != null && classification.confidence() < request.minConfidence()) {
      throw new ConnectorBpmnError(
          LOW_CONFIDENCE,
          String.format(
              Locale.ROOT,
              "model '%s' chose %s with confidence %.2f, below the minimum %.2f",
              classification.model(),
              classification.label(),
              classification.confidence(),
              request.minConfidence()));
    }
    List<NearestExample> nearest =
        classification.nearest().stream()
            .map(e -> new NearestExample(e.label(), e.text(), e.similarity()))
            .toList();
    return new ClassifyResult(
        classification.label(),
        classification.confidence(),
        risk,
        rationale(classification),
        nearest,
        classification.model(),
        labelSet.id());
  }

  private static String rationale(Classification classification) {
    String how;
    if (classification.nearest().isEmpty()) {
      how =
          "Model '%s' chose %s: %s"
              .formatted(
                  classification.model(), classification.label(), classification.rationale());
    } else {
      String examples =
          classification.nearest().stream()
              .map(e -> "\"%s\" (%s, %.2f)".formatted(e.text(), e.label(), e.similarity()))
              .collect(Collectors.joining("; "));
      how =
          "Model '%s' (offline, not generative) compared the message with labelled examples."
                  .formatted(classification.model())
              + " Closest examples: "
              + examples
              + ".";
    }
    return String.format(
        Locale.ROOT, "%s Confidence %.0f%%.", how, classification.confidence() * 100);
  }
}
