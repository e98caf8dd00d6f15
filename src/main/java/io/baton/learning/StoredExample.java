package io.baton.learning;

import java.time.Instant;

/** A learned example as it is kept: what the model uses, where it came from, who taught it. */
public record StoredExample(
    long id,
    String labelSet,
    String label,
    String aiLabel,
    String text,
    String correctedBy,
    Instant correctedAt,
    String approvedBy,
    Instant learnedAt,
    String processInstanceId,
    String subjectKey) {}
