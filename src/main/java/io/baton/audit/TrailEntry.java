package io.baton.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One stored entry of a case trail, as the auditors' API and the export show it. {@code payload} is
 * the entry's canonical JSON text ({@link TrailHash#canonical}), written into the export as it is;
 * the hash covers its SHA-256 ({@code payloadSha256}), so an erasure can remove the payload (it is
 * then {@code null} and {@code erasedBy} names the erasure) and the chain still verifies.
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
    String payloadSha256,
    String erasedBy,
    String prevHash,
    String hash) {}
