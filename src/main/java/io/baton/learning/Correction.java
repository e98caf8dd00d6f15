package io.baton.learning;

import java.time.Instant;

/**
 * A reviewer's correction of a classification: the text, the label the reviewer chose and the one
 * they corrected, who and when, the case and its subject.
 *
 * @param subjectKey the subject the text is about (a customer id), so that erasing the subject
 *     erases the example; null when the review names none
 */
public record Correction(
    String labelSet,
    String label,
    String aiLabel,
    String text,
    String reviewer,
    Instant correctedAt,
    String processInstanceId,
    String subjectKey) {}
