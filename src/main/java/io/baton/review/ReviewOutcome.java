package io.baton.review;

import java.time.Instant;

/**
 * One reviewer decision: the input the AI saw, what it answered, and what the reviewer made final.
 *
 * @param taskType what kind of AI decision this was, such as a label set id
 * @param finalAnswer the reviewer's answer; null for a rejection
 */
public record ReviewOutcome(
    String taskId,
    String processInstanceId,
    String taskType,
    String model,
    String inputText,
    String aiAnswer,
    String finalAnswer,
    ReviewDecision decision,
    String reviewer,
    Instant decidedAt) {}
