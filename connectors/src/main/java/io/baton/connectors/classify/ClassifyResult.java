package io.baton.connectors.classify;

import java.util.List;

/**
 * Output of the {@code classify} connector; each component becomes a process variable.
 *
 * @param intent the chosen label
 * @param confidence how sure the model is, 0..1
 * @param risk the risk class of the chosen label, from the label set
 * @param rationale why, in words a reviewer reads
 * @param nearestExamples the closest labelled examples with their similarity
 * @param aiModel the named model that classified
 * @param taskType the kind of decision: the id of the label set, which accuracy is measured per
 */
public record ClassifyResult(
    String intent,
    double confidence,
    String risk,
    String rationale,
    List<NearestExample> nearestExamples,
    String aiModel,
    String taskType) {

  /** A labelled example close to the classified text. */
  public record NearestExample(String label, String text, double similarity) {}
}
