package io.baton.connectors.guard;

import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.TaskContext;
import io.baton.connectors.guard.Finding.Kind;
import io.baton.connectors.labels.LabelSet;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.connectors.vocabulary.GuardVerdict;
import io.baton.connectors.vocabulary.Risk;
import io.baton.models.Embeddings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Judges a message by all of its parts before anything may act on it, on topic {@code baton.guard}:
 * the whole message and each part (sentence, clause) are checked by word patterns for critical
 * signals and for text that tries to instruct the system, compared by embedding similarity with
 * known prompt injections, and classified against the label set's examples; the highest risk found
 * counts. A message unlike every labelled example is held back too. Anything found makes the
 * verdict {@link GuardVerdict#REVIEW}.
 *
 * <p>It classifies parts itself, by the nearest labelled examples of the offline embedding model,
 * whatever model the process's classify step uses: the guard is cheap, deterministic and never
 * spends a case's model budget.
 */
@Component
public class GuardFunction implements ConnectorFunction<GuardRequest, GuardResult> {

  /** A part at least this similar to a known injection, and closer to it than to any label. */
  static final double INJECTION_SIMILARITY = 0.6;

  static final double INJECTION_MARGIN = 0.05;

  /** A part's intent counts when its label scores this much and leads the runner-up by this. */
  static final double PART_MIN_SCORE = 0.5;

  static final double PART_MIN_LEAD = 0.03;

  /** Shorter parts ("Thanks!", "Kind regards, Anna") are too short to classify. */
  static final int PART_MIN_WORDS = 3;

  private static final int TOP_K = 2;
  private static final int EVIDENCE_SHOWN = 3;

  private final Embeddings embeddings;
  private final LabelSetCatalog labelSets;
  private final InjectionExamples injections;
  private final Map<String, float[]> exampleVectors = new ConcurrentHashMap<>();

  public GuardFunction(
      Embeddings embeddings, LabelSetCatalog labelSets, InjectionExamples injections) {
    this.embeddings = embeddings;
    this.labelSets = labelSets;
    this.injections = injections;
  }

  @Override
  public String topic() {
    return "baton.guard";
  }

  @Override
  public Class<GuardRequest> inputType() {
    return GuardRequest.class;
  }

  @Override
  public GuardResult apply(GuardRequest request, TaskContext context) {
    String text = request.text().strip();
    List<Finding> findings = new ArrayList<>(Detectors.find(text));
    List<String> units = units(text);
    List<float[]> vectors = embeddings.vectors(units);
    LabelSet labelSet = request.labelSet() == null ? null : labelSets.get(request.labelSet());
    List<float[]> injectionVectors = vectorsOf(injections.examples());

    double closestToLabels = 0;
    Scored whole = null;
    for (int i = 0; i < units.size(); i++) {
      Scored scored = labelSet == null ? null : score(labelSet, vectors.get(i));
      double labelSimilarity = scored == null ? 0 : scored.nearest();
      closestToLabels = Math.max(closestToLabels, labelSimilarity);
      injectionLike(units.get(i), vectors.get(i), injectionVectors, labelSimilarity)
          .ifPresent(findings::add);
      if (i == 0) {
        whole = scored;
      } else if (scored != null) {
        riskierPart(units.get(i), scored, labelSet, whole).ifPresent(findings::add);
      }
    }
    if (labelSet != null && closestToLabels < request.minSimilarity()) {
      findings.add(
          Kind.OUT_OF_DISTRIBUTION.of(
              String.format(
                  Locale.ROOT,
                  "closest labelled example of '%s' only %.2f similar (minimum %.2f)",
                  labelSet.id(),
                  closestToLabels,
                  request.minSimilarity())));
    }
    return result(findings, closestToLabels);
  }

  /** The whole message, then each part long enough to judge on its own. */
  private static List<String> units(String text) {
    List<String> units = new ArrayList<>();
    units.add(text);
    for (String part : MessageParts.of(text)) {
      if (!part.equals(text) && MessageParts.words(part) >= PART_MIN_WORDS) {
        units.add(part);
      }
    }
    return units;
  }

  private Optional<Finding> injectionLike(
      String unit, float[] vector, List<float[]> injectionVectors, double labelSimilarity) {
    int closest = -1;
    double similarity = 0;
    for (int j = 0; j < injectionVectors.size(); j++) {
      double s = Embeddings.cosine(vector, injectionVectors.get(j));
      if (s > similarity) {
        similarity = s;
        closest = j;
      }
    }
    if (similarity < INJECTION_SIMILARITY || similarity - labelSimilarity < INJECTION_MARGIN) {
      return Optional.empty();
    }
    return Optional.of(
        Kind.PROMPT_INJECTION.of(
            String.format(
                Locale.ROOT,
                "%s is like the known injection '%s' (%.2f)",
                Detectors.quote(unit),
                injections.examples().get(closest),
                similarity)));
  }

  private static Optional<Finding> riskierPart(
      String part, Scored scored, LabelSet labelSet, Scored whole) {
    Risk risk = risk(labelSet, scored.label());
    Risk wholeRisk = whole == null ? Risk.LOW : risk(labelSet, whole.label());
    boolean sure = scored.score() >= PART_MIN_SCORE && scored.lead() >= PART_MIN_LEAD;
    boolean riskier = risk.compareTo(wholeRisk) > 0 || risk.compareTo(Risk.HIGH) >= 0;
    if (!sure || !riskier || risk == Risk.LOW) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            Kind.PART_INTENT,
            risk,
            String.format(
                Locale.ROOT,
                "%s reads as %s (%s risk, %.2f)",
                Detectors.quote(part),
                scored.label(),
                risk,
                scored.score())));
  }

  /** A label set's labels carry a risk (see {@link LabelSet}); an unknown label is MEDIUM. */
  private static Risk risk(LabelSet labelSet, String label) {
    return labelSet.label(label).map(l -> Risk.valueOf(l.risk())).orElse(Risk.MEDIUM);
  }

  /** The best label by the mean of its closest examples, its lead, and the nearest example. */
  private record Scored(String label, double score, double lead, double nearest) {}

  private Scored score(LabelSet labelSet, float[] vector) {
    Map<String, Double> scores = new LinkedHashMap<>();
    double nearest = 0;
    for (LabelSet.Label label : labelSet.labels()) {
      List<float[]> examples = vectorsOf(label.examples());
      List<Double> similarities = new ArrayList<>();
      for (float[] example : examples) {
        similarities.add(Embeddings.cosine(vector, example));
      }
      nearest = Math.max(nearest, similarities.stream().mapToDouble(d -> d).max().orElse(0));
      scores.put(
          label.name(),
          similarities.stream()
              .sorted(Comparator.reverseOrder())
              .limit(TOP_K)
              .mapToDouble(d -> d)
              .average()
              .orElse(0));
    }
    List<Map.Entry<String, Double>> ranked =
        scores.entrySet().stream()
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .toList();
    double best = ranked.get(0).getValue();
    double runnerUp = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
    return new Scored(ranked.get(0).getKey(), best, best - runnerUp, nearest);
  }

  private List<float[]> vectorsOf(List<String> texts) {
    List<String> missing = texts.stream().filter(t -> !exampleVectors.containsKey(t)).toList();
    if (!missing.isEmpty()) {
      List<float[]> computed = embeddings.vectors(missing);
      for (int i = 0; i < missing.size(); i++) {
        exampleVectors.put(missing.get(i), computed.get(i));
      }
    }
    return texts.stream().map(exampleVectors::get).toList();
  }

  private static GuardResult result(List<Finding> findings, double closestToLabels) {
    double similarity = Math.round(closestToLabels * 1000) / 1000.0;
    if (findings.isEmpty()) {
      return new GuardResult(GuardResult.PASS, Risk.LOW.name(), List.of(), "", similarity);
    }
    Risk risk = findings.stream().map(Finding::risk).max(Comparator.naturalOrder()).orElseThrow();
    return new GuardResult(
        GuardResult.REVIEW,
        risk.name(),
        findings.stream().map(Finding::toString).toList(),
        reason(findings),
        similarity);
  }

  /** Per kind of finding, what it is and up to three pieces of evidence. */
  private static String reason(List<Finding> findings) {
    Map<Kind, List<String>> byKind = new LinkedHashMap<>();
    for (Finding finding : findings) {
      byKind.computeIfAbsent(finding.kind(), k -> new ArrayList<>()).add(finding.evidence());
    }
    return "The guard held this message back: "
        + byKind.entrySet().stream()
            .map(
                e ->
                    e.getKey().description()
                        + " ("
                        + e.getValue().stream()
                            .limit(EVIDENCE_SHOWN)
                            .collect(Collectors.joining("; "))
                        + ")")
            .collect(Collectors.joining("; "))
        + ".";
  }
}
