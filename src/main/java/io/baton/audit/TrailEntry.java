package io.baton.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One stored entry of a case trail, as the auditors' API and the export show it. {@code payload} is
 * the entry's canonical JSON text ({@link TrailHash#canonical}), written into the export as it is.
 */
public record TrailEntry(
    String processInstanceId,
    int seq,
    Instant recordedAt,
    String kind,
    String actor,
    String activityId,
    String model,
    boolean aiGenerated,
    String sourceRef,
    @JsonRawValue @JsonProperty("payload") String payload,
    String prevHash,
    String hash) {}
