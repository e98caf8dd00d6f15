package io.baton.connectors.ensemble;

import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.TaskContext;
import io.baton.connectors.ensemble.EnsembleResult.Vote;
import io.baton.connectors.labels.LabelSet;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.models.Classification;
import io.baton.models.LabelExamples;
import io.baton.models.ModelOutputException;
import io.baton.models.ModelRegistry;
import io.baton.models.ModelTask;
import io.baton.models.ModelUnavailableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Asks several models to classify the same text, on topic {@code baton.ensemble}, and combines
 * their answers by majority vote or by a judge model. A member that cannot answer is counted as a
 * failed vote; when none answers, the task fails.
 */
@Component
public class EnsembleFunction implements ConnectorFunction<EnsembleRequest, EnsembleResult> {

  private final ModelRegistry models;
  private final LabelSetCatalog labelSets;

  public EnsembleFunction(ModelRegistry models, LabelSetCatalog labelSets) {
    this.models = models;
    this.labelSets = labelSets;
  }

  @Override
  public String topic() {
    return "baton.ensemble";
  }

  @Override
  public Class<EnsembleRequest> inputType() {
    return EnsembleRequest.class;
  }

  @Override
  public EnsembleResult apply(EnsembleRequest request, TaskContext context) {
    LabelSet labelSet =
        request.labels() == null
            ? labelSets.get(request.labelSet())
            : LabelSet.of(request.labels());
    List<LabelExamples> labels = labelSet.examples();
    request.models().forEach(models::get);
    List<Vote> votes = new ArrayList<>();
    List<Classification> answers = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (String name : request.models()) {
      try {
        Classification answer =
            models
                .get(name)
                .classify(new ModelTask.Classify(request.text(), labels, context.callSite()));
        answers.add(answer);
        votes.add(new Vote(name, answer.label(), answer.confidence(), null));
      } catch (ModelUnavailableException | ModelOutputException e) {
        failures.add(e.getMessage());
        votes.add(new Vote(name, null, null, e.getMessage()));
      }
    }
    if (answers.isEmpty()) {
      throw new ModelUnavailableException(
          "no model of the ensemble answered: " + String.join("; ", failures), null, null);
    }
    Map<String, List<Classification>> byLabel =
        answers.stream()
            .collect(
                Collectors.groupingBy(
                    Classification::label, LinkedHashMap::new, Collectors.toList()));
    String label =
        "judge".equals(request.method())
            ? judge(request, labels, byLabel.keySet(), context)
            : majority(byLabel);
    List<Classification> agreeing = byLabel.getOrDefault(label, List.of());
    // shares of the models asked, not of those that answered: a lone survivor is no consensus
    double asked = request.models().size();
    double share = agreeing.size() / asked;
    double meanConfidence =
        agreeing.stream().mapToDouble(Classification::confidence).average().orElse(0);
    double majorityShare =
        byLabel.values().stream().mapToInt(List::size).max().orElseThrow() / asked;
    String risk = labelSet.label(label).map(LabelSet.Label::risk).orElse(null);
    return new EnsembleResult(
        label,
        round(share * meanConfidence),
        risk,
        round(1 - majorityShare),
        votes,
        rationale(request, votes, label),
        "ensemble(" + String.join(",", request.models()) + ")",
        labelSet.id());
  }

  private static String majority(Map<String, List<Classification>> byLabel) {
    return byLabel.entrySet().stream()
        .max(
            Comparator.<Map.Entry<String, List<Classification>>>comparingInt(
                    e -> e.getValue().size())
                .thenComparingDouble(
                    e ->
                        e.getValue().stream()
                            .mapToDouble(Classification::confidence)
                            .average()
                            .orElse(0)))
        .orElseThrow()
        .getKey();
  }

  /** The judge chooses among the labels the members proposed. */
  private String judge(
      EnsembleRequest request,
      List<LabelExamples> labels,
      java.util.Set<String> proposed,
      TaskContext context) {
    if (proposed.size() == 1) {
      return proposed.iterator().next();
    }
    List<LabelExamples> candidates =
        labels.stream().filter(l -> proposed.contains(l.label())).toList();
    return models
        .get(request.judgeModel())
        .classify(new ModelTask.Classify(request.text(), candidates, context.callSite()))
        .label();
  }

  private static String rationale(EnsembleRequest request, List<Vote> votes, String label) {
    String detail =
        votes.stream()
            .map(
                v ->
                    v.label() == null
                        ? "%s could not answer".formatted(v.model())
                        : String.format(
                            Locale.ROOT, "%s: %s (%.2f)", v.model(), v.label(), v.confidence()))
            .collect(Collectors.joining("; "));
    String how =
        "judge".equals(request.method())
            ? "judge '" + request.judgeModel() + "' chose " + label
            : "majority vote chose " + label;
    return "Ensemble of " + votes.size() + " models, " + how + ". Votes: " + detail + ".";
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
