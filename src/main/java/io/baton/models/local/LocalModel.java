package io.baton.models.local;

import dev.langchain4j.data.embedding.Embedding;
import io.baton.models.Answer;
import io.baton.models.Classification;
import io.baton.models.Classification.ScoredExample;
import io.baton.models.Draft;
import io.baton.models.Extraction;
import io.baton.models.LabelExamples;
import io.baton.models.LearnedExamples;
import io.baton.models.LearnedExamples.LearnedExample;
import io.baton.models.Model;
import io.baton.models.ModelNotGenerativeException;
import io.baton.models.ModelTask;
import io.baton.models.PromptRef;
import io.baton.models.Usage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies by the nearest labelled examples and drafts by choosing the closest template.
 *
 * <p>The examples of a label are the label set's and those reviewers taught it by correcting
 * classifications ({@link LearnedExamples}); a learned example shows among the nearest as {@code
 * learned example #<id>}, never with its text, which is another case's message.
 *
 * <p>A label's score is the mean cosine similarity of its {@value #TOP_K} closest examples. The
 * confidence is the winner's share of a softmax over the label scores; {@value #TEMPERATURE} makes
 * a similarity lead of about 0.1 worth roughly 7:1 odds, which matches how all-MiniLM-L6-v2
 * separates paraphrases from unrelated sentences.
 */
public class LocalModel implements Model {

  static final int TOP_K = 2;
  static final double TEMPERATURE = 0.05;
  private static final int NEAREST_SHOWN = 3;

  /** What the offline model does instead of a prompt, recorded like a prompt version. */
  static final PromptRef NEAREST_EXAMPLES = new PromptRef("local-nearest-examples", 1);

  static final PromptRef NEAREST_TEMPLATE = new PromptRef("local-nearest-template", 1);

  private final String name;
  private final LocalEmbeddings embeddings;
  private final LocalExtractor extractor;
  private final LearnedExamples learned;
  private final LearnedVectors learnedVectors;

  public LocalModel(String name, LocalEmbeddings embeddings) {
    this(name, embeddings, LearnedExamples.NONE);
  }

  public LocalModel(String name, LocalEmbeddings embeddings, LearnedExamples learned) {
    this.name = name;
    this.embeddings = embeddings;
    this.extractor = new LocalExtractor(embeddings);
    this.learned = learned;
    this.learnedVectors = new LearnedVectors(embeddings);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String provider() {
    return LocalModelProvider.PROVIDER;
  }

  @Override
  public boolean generative() {
    return false;
  }

  @Override
  public Classification classify(ModelTask.Classify task) {
    String text = task.text();
    List<LabelExamples> labels = task.labels();
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("classify needs at least one label");
    }
    Embedding query = embeddings.embed(text);
    List<LearnedExample> taught = task.labelSet() == null ? List.of() : learned.of(task.labelSet());
    Map<Long, Embedding> taughtVectors =
        task.labelSet() == null ? Map.of() : learnedVectors.of(task.labelSet(), taught);
    List<ScoredExample> scored = new ArrayList<>();
    Map<String, Double> labelScores = new LinkedHashMap<>();
    for (LabelExamples label : labels) {
      List<Double> similarities = new ArrayList<>();
      for (String example : label.examples()) {
        double similarity = LocalEmbeddings.similarity(query, embeddings.embedCached(example));
        similarities.add(similarity);
        scored.add(new ScoredExample(label.label(), example, round(similarity)));
      }
      for (LearnedExample example : taught) {
        if (example.label().equals(label.label())) {
          double similarity = LocalEmbeddings.similarity(query, taughtVectors.get(example.id()));
          similarities.add(similarity);
          scored.add(
              new ScoredExample(
                  label.label(), "learned example #" + example.id(), round(similarity)));
        }
      }
      labelScores.put(label.label(), meanOfTop(similarities));
    }
    String best =
        labelScores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    double confidence = softmaxShare(labelScores, best);
    List<ScoredExample> nearest =
        scored.stream()
            .sorted(Comparator.comparingDouble(ScoredExample::similarity).reversed())
            .limit(NEAREST_SHOWN)
            .toList();
    return new Classification(
        best, round(confidence), null, nearest, name, Usage.NONE, NEAREST_EXAMPLES);
  }

  @Override
  public Draft draft(ModelTask.DraftReply task) {
    String text = task.text();
    List<String> candidateReplies = task.candidates();
    if (candidateReplies.isEmpty()) {
      throw new IllegalArgumentException(
          "the local model cannot write a reply: it needs at least one reply template to choose from");
    }
    Embedding query = embeddings.embed(text);
    String best = candidateReplies.get(0);
    double bestSimilarity = -1;
    for (String candidate : candidateReplies) {
      double similarity = LocalEmbeddings.similarity(query, embeddings.embedCached(candidate));
      if (similarity > bestSimilarity) {
        best = candidate;
        bestSimilarity = similarity;
      }
    }
    return new Draft(best, false, round(bestSimilarity), name, Usage.NONE, NEAREST_TEMPLATE);
  }

  @Override
  public Extraction extract(ModelTask.Extract task) {
    return new Extraction(
        extractor.extract(task.text(), task.jsonSchema()),
        false,
        name,
        Usage.NONE,
        LocalExtractor.LABELLED_LINES);
  }

  @Override
  public Answer ask(ModelTask.Ask task) {
    throw new ModelNotGenerativeException(name, "answer a free prompt");
  }

  private static double meanOfTop(List<Double> similarities) {
    return similarities.stream()
        .sorted(Comparator.reverseOrder())
        .limit(TOP_K)
        .mapToDouble(Double::doubleValue)
        .average()
        .orElseThrow();
  }

  private static double softmaxShare(Map<String, Double> scores, String label) {
    double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double sum = 0;
    for (double score : scores.values()) {
      sum += Math.exp((score - max) / TEMPERATURE);
    }
    return Math.exp((scores.get(label) - max) / TEMPERATURE) / sum;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
