package io.baton.erasure;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an erasure did: its id, when and by whom, the subject's key (not its id), the cases whose
 * data went, and how many items of each kind were removed.
 */
public record ErasureReport(
    String erasureId,
    Instant erasedAt,
    String requestedBy,
    String subjectKey,
    String reason,
    List<String> cases,
    Map<String, Integer> erased) {}
