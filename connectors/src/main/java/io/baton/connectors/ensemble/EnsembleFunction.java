package io.baton.connectors.ensemble;

import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.TaskContext;
import io.baton.connectors.ensemble.EnsembleResult.Vote;
import io.baton.connectors.labels.LabelSet;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.models.Classification;
import io.baton.models.Completions;
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
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
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
    return Completions.join(applyAsync(request, context, Completions.CALLER));
  }

  /** Asks the members at once, and waits for all of them before it combines their votes. */
  @Override
  public CompletionStage<EnsembleResult> applyAsync(
      EnsembleRequest request, TaskContext context, Executor executor) {
    LabelSet labelSet =
        request.labels() == null
            ? labelSets.get(request.labelSet())
            : LabelSet.of(request.labels());
    List<LabelExamples> labels = labelSet.examples();
    request.models().forEach(models::get);
    List<CompletableFuture<Ballot>> asked = new ArrayList<>();
    for (String name : request.models()) {
      asked.add(vote(name, request, labels, context, executor));
    }
    return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
        .thenCompose(
            all -> {
              List<Ballot> ballots = asked.stream().map(CompletableFuture::join).toList();
              List<Classification> answers =
                  ballots.stream().map(Ballot::answer).filter(Objects::nonNull).toList();
              if (answers.isEmpty()) {
                throw new ModelUnavailableException(
                    "no model of the ensemble answered: "
                        + ballots.stream()
                            .map(ballot -> ballot.vote().failure())
                            .collect(Collectors.joining("; ")),
                    null,
                    null);
              }
              Map<String, List<Classification>> byLabel =
                  answers.stream()
                      .collect(
                          Collectors.groupingBy(
                              Classification::label, LinkedHashMap::new, Collectors.toList()));
              CompletionStage<String> label =
                  "judge".equals(request.method())
                      ? judge(request, labels, byLabel.keySet(), context, executor)
                      : CompletableFuture.completedFuture(majority(byLabel));
              return label.thenApply(
                  chosen ->
                      combine(
                          request,
                          labelSet,
                          ballots.stream().map(Ballot::vote).toList(),
                          byLabel,
                          chosen));
            });
  }

  /** One member's vote, with its answer when it gave one. */
  private record Ballot(Vote vote, Classification answer) {}

  private CompletableFuture<Ballot> vote(
      String name,
      EnsembleRequest request,
      List<LabelExamples> labels,
      TaskContext context,
      Executor executor) {
    return Completions.attempt(
            () ->
                models
                    .get(name)
                    .classifyAsync(
                        new ModelTask.Classify(
                            request.text(),
                            labels,
                            request.labels() == null ? request.labelSet() : null,
                            "",
                            context.callSite()),
                        executor))
        .handle(
            (classification, error) -> {
              if (error == null) {
                return new Ballot(
                    new Vote(name, classification.label(), classification.confidence(), null),
                    classification);
              }
              Throwable cause = Completions.cause(error);
              if (cause instanceof ModelUnavailableException
                  || cause instanceof ModelOutputException) {
                return new Ballot(new Vote(name, null, null, cause.getMessage()), null);
              }
              throw cause instanceof RuntimeException runtime
                  ? runtime
                  : new IllegalStateException(cause);
            })
        .toCompletableFuture();
  }

  private static EnsembleResult combine(
      EnsembleRequest request,
      LabelSet labelSet,
      List<Vote> votes,
      Map<String, List<Classification>> byLabel,
      String label) {
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
  private CompletionStage<String> judge(
      EnsembleRequest request,
      List<LabelExamples> labels,
      Set<String> proposed,
      TaskContext context,
      Executor executor) {
    if (proposed.size() == 1) {
      return CompletableFuture.completedFuture(proposed.iterator().next());
    }
    List<LabelExamples> candidates =
        labels.stream().filter(l -> proposed.contains(l.label())).toList();
    return models
        .get(request.judgeModel())
        .classifyAsync(
            new ModelTask.Classify(request.text(), candidates, context.callSite()), executor)
        .thenApply(Classification::label);
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
