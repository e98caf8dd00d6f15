package io.baton.audit;

import java.util.Map;

/**
 * What a part of Baton appends to a case's trail.
 *
 * @param actor who acted: a user id, {@code model:<name>}, {@code worker} or {@code engine}
 * @param aiGenerated the entry holds content a model produced (EU AI Act Art. 50)
 * @param sourceRef identifies what the entry records (a model call, an effect), so that a report of
 *     it delivered twice is appended once; {@code null} when every append is a new fact
 */
public record TrailEvent(
    TrailKind kind,
    String actor,
    String activityId,
    String model,
    boolean aiGenerated,
    String sourceRef,
    Map<String, ?> payload) {

  public static TrailEvent of(
      TrailKind kind, String actor, String activityId, Map<String, ?> payload) {
    return new TrailEvent(kind, actor, activityId, null, false, null, payload);
  }

  public TrailEvent withSourceRef(String ref) {
    return new TrailEvent(kind, actor, activityId, model, aiGenerated, ref, payload);
  }
}
