package io.baton.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.TaskContext;
import io.baton.connectors.guard.GuardFunction;
import io.baton.connectors.guard.GuardRequest;
import io.baton.connectors.guard.InjectionExamples;
import io.baton.connectors.labels.LabelSet;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.models.LearnedExamples.LearnedExample;
import io.baton.models.ModelTask;
import io.baton.models.local.LocalEmbeddings;
import io.baton.models.local.LocalModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measures what learning from reviewers does to the {@code local} model on {@code
 * customer-intents}: accuracy per label and overall on the held-out messages of {@code
 * src/test/resources/learning/held-out.jsonl}, before and after it learns the reviewer corrections
 * of {@code corrections.jsonl} (the messages of that file the model gets wrong, with their right
 * label, as a reviewer would correct them). The two files share no message. Prints the figures and
 * writes them to {@code target/learning-evaluation.txt}; asserts nothing.
 *
 * <p>Not part of {@code mvn verify}; run it with {@code mvn -B -q test -Dtest=LearningEvaluation
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LearningEvaluation {

  private static final Path DATA = Path.of("src/test/resources/learning");
  private static final Path REPORT = Path.of("target", "learning-evaluation.txt");
  private static final String LABEL_SET = "customer-intents";

  /**
   * @param batch 1: written first; 2: complaints that sound like the law (rights, warranty, breach,
   *     illegal), written after batch 1 had not reproduced the confusion, and before they were run
   */
  record Message(int batch, String label, String text) {}

  @Test
  void measure_accuracy_before_and_after_learning_the_corrections() throws IOException {
    ObjectMapper json = new ObjectMapper();
    LabelSetCatalog labelSets = new LabelSetCatalog("classpath*:processes/label-sets/*.json", json);
    LabelSet intents = labelSets.get(LABEL_SET);
    LocalEmbeddings embeddings = new LocalEmbeddings();
    List<Message> heldOut = read(json, "held-out.jsonl");
    List<Message> pool = read(json, "corrections.jsonl");

    LocalModel before = new LocalModel("local", embeddings);
    List<LearnedExample> corrections = new ArrayList<>();
    for (Message message : pool) {
      String answer = classify(before, intents, message.text());
      if (!answer.equals(message.label())) {
        corrections.add(
            new LearnedExample(corrections.size() + 1, message.label(), message.text()));
      }
    }

    StringBuilder report = new StringBuilder();
    report.append(
        "Held-out: %d messages; correction pool: %d messages, of which the model got %d wrong: the corrections learned (%s)%n%n"
            .formatted(heldOut.size(), pool.size(), corrections.size(), byLabel(corrections)));
    Map<String, List<String>> runs = new LinkedHashMap<>();
    List<Integer> steps = new ArrayList<>(List.of(0, 5, 10));
    steps.removeIf(n -> n >= corrections.size());
    steps.add(corrections.size());
    for (int n : steps) {
      List<LearnedExample> learned = List.copyOf(corrections.subList(0, n));
      LocalModel model = new LocalModel("local", embeddings, labelSet -> learned);
      List<String> answers = new ArrayList<>();
      for (Message message : heldOut) {
        answers.add(classify(model, intents, message.text()));
      }
      runs.put(n == 0 ? "before" : "after " + n, answers);
    }
    report.append(table(intents, heldOut, runs));
    report.append("Batch 1 only:\n");
    report.append(table(intents, batch(heldOut, 1), onlyBatch(heldOut, runs, 1)));
    report.append("Batch 2 only (complaints that sound like the law, and legal threats):\n");
    report.append(table(intents, batch(heldOut, 2), onlyBatch(heldOut, runs, 2)));
    report.append(confusions(heldOut, runs));
    report.append(guard(embeddings, labelSets, json, heldOut, runs));
    System.out.println(report);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report.toString());
  }

  private static String classify(LocalModel model, LabelSet intents, String text) {
    return model
        .classify(
            new ModelTask.Classify(
                text, intents.examples(), LABEL_SET, "", TaskContext.NONE.callSite()))
        .label();
  }

  private static String table(
      LabelSet intents, List<Message> heldOut, Map<String, List<String>> runs) {
    StringBuilder table = new StringBuilder("| label | messages |");
    runs.keySet().forEach(run -> table.append(" ").append(run).append(" |"));
    table.append("\n|---|---|").append("---|".repeat(runs.size())).append("\n");
    List<String> rows = new ArrayList<>(intents.names());
    rows.add("overall");
    for (String label : rows) {
      int total = 0;
      for (Message message : heldOut) {
        total += label.equals("overall") || message.label().equals(label) ? 1 : 0;
      }
      if (total == 0) {
        continue;
      }
      table.append("| %s | %d |".formatted(label, total));
      for (List<String> answers : runs.values()) {
        int right = 0;
        for (int i = 0; i < heldOut.size(); i++) {
          Message message = heldOut.get(i);
          if ((label.equals("overall") || message.label().equals(label))
              && answers.get(i).equals(message.label())) {
            right++;
          }
        }
        table.append(String.format(Locale.ROOT, " %d (%.0f %%) |", right, 100.0 * right / total));
      }
      table.append("\n");
    }
    return table.append("\n").toString();
  }

  /** Where the misclassified messages went, per run: the confusions. */
  private static String confusions(List<Message> heldOut, Map<String, List<String>> runs) {
    StringBuilder text = new StringBuilder();
    runs.forEach(
        (run, answers) -> {
          Map<String, Integer> counts = new LinkedHashMap<>();
          for (int i = 0; i < heldOut.size(); i++) {
            if (!answers.get(i).equals(heldOut.get(i).label())) {
              counts.merge(heldOut.get(i).label() + " -> " + answers.get(i), 1, Integer::sum);
            }
          }
          text.append("%s, wrong: %s%n".formatted(run, counts));
        });
    return text.append("\n").toString();
  }

  /**
   * The guard step does not learn: how many held-out complaints it escalates on its own, and what
   * it finds in the legal threats the model takes for something else after learning.
   */
  private static String guard(
      LocalEmbeddings embeddings,
      LabelSetCatalog labelSets,
      ObjectMapper json,
      List<Message> heldOut,
      Map<String, List<String>> runs)
      throws IOException {
    GuardFunction guard =
        new GuardFunction(
            embeddings,
            labelSets,
            InjectionExamples.read(InjectionExamples.DEFAULT_LOCATION, json));
    List<String> after = new ArrayList<>(runs.values()).get(runs.size() - 1);
    int complaints = 0;
    int critical = 0;
    StringBuilder missed = new StringBuilder();
    for (int i = 0; i < heldOut.size(); i++) {
      Message message = heldOut.get(i);
      String risk =
          guard
              .apply(new GuardRequest(message.text(), LABEL_SET, null), TaskContext.NONE)
              .guardRisk();
      if (message.label().equals("COMPLAINT")) {
        complaints++;
        critical += "CRITICAL".equals(risk) ? 1 : 0;
      }
      if (message.label().equals("LEGAL") && !after.get(i).equals("LEGAL")) {
        missed.append(
            "  \"%s\": %s; guard risk %s%n".formatted(message.text(), after.get(i), risk));
      }
    }
    return ("Guard step (learns nothing): %d of %d held-out complaints get a CRITICAL finding."
            + "%nLegal threats taken for something else after learning all corrections:%n%s")
        .formatted(critical, complaints, missed);
  }

  private static List<Message> batch(List<Message> messages, int batch) {
    return messages.stream().filter(m -> m.batch() == batch).toList();
  }

  private static Map<String, List<String>> onlyBatch(
      List<Message> heldOut, Map<String, List<String>> runs, int batch) {
    Map<String, List<String>> only = new LinkedHashMap<>();
    runs.forEach(
        (run, answers) -> {
          List<String> kept = new ArrayList<>();
          for (int i = 0; i < heldOut.size(); i++) {
            if (heldOut.get(i).batch() == batch) {
              kept.add(answers.get(i));
            }
          }
          only.put(run, kept);
        });
    return only;
  }

  private static String byLabel(List<LearnedExample> corrections) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    corrections.forEach(c -> counts.merge(c.label(), 1, Integer::sum));
    return counts.toString();
  }

  private static List<Message> read(ObjectMapper json, String file) throws IOException {
    List<Message> messages = new ArrayList<>();
    for (String line : Files.readAllLines(DATA.resolve(file))) {
      if (!line.isBlank()) {
        JsonNode row = json.readTree(line);
        messages.add(
            new Message(
                row.get("batch").asInt(), row.get("label").asText(), row.get("text").asText()));
      }
    }
    return messages;
  }
}
