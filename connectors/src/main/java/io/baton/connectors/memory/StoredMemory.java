package io.baton.connectors.memory;

import java.time.Instant;

/**
 * An entry of a subject's memory as a recall finds it.
 *
 * @param similarity the cosine similarity of its text to the query, 1 alike, about 0 unrelated
 */
public record StoredMemory(
    String kind,
    String text,
    int tokens,
    String sourceProcessInstanceId,
    String sourceBusinessKey,
    Instant rememberedAt,
    double similarity) {}
