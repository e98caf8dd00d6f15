package io.baton.connectors.memory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One fact or past interaction to keep about a subject.
 *
 * @param writeKey names this write once: the external task and the fact's position in it, so a
 *     retried task writes the same keys again
 * @param memoryKey what kind of subject this is (customer, supplier), as the process names it
 * @param subject which one (the customer's id)
 * @param kind {@link #FACT} or {@link #INTERACTION}
 * @param sourceProcessInstanceId the case the entry was learned in
 * @param sourceBusinessKey that case's business key, if it has one
 * @param embedding the text's vector, for recalling it by similarity
 */
public record MemoryEntry(
    String writeKey,
    String memoryKey,
    String subject,
    String kind,
    String text,
    String sourceProcessInstanceId,
    String sourceBusinessKey,
    Instant rememberedAt,
    float[] embedding) {

  public static final String FACT = "FACT";
  public static final String INTERACTION = "INTERACTION";

  /** The tokens a text counts for in a prompt, estimated as a quarter of its UTF-8 bytes. */
  public static int tokens(String text) {
    return (text.getBytes(StandardCharsets.UTF_8).length + 3) / 4;
  }
}
