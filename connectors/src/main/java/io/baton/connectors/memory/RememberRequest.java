package io.baton.connectors.memory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Input of the {@code remember} connector. At least one of {@code fact} and {@code facts} is given.
 *
 * @param memoryKey what kind of subject (customer, supplier): a key declared in {@code
 *     baton.memory.keys}
 * @param subject which one, such as the customer's id
 * @param fact one text to keep, such as a summary of this case
 * @param facts several texts to keep, each at most {@value #MAX_FACT_LENGTH} characters
 * @param kind {@code FACT} (something true about the subject) or {@code INTERACTION} (what happened
 *     in a case); FACT when not given
 */
public record RememberRequest(
    @NotBlank @Size(max = MAX_KEY_LENGTH) String memoryKey,
    @NotBlank @Size(max = MAX_SUBJECT_LENGTH) String subject,
    @Size(max = MAX_FACT_LENGTH) String fact,
    @Size(max = MAX_FACTS) List<@NotBlank @Size(max = MAX_FACT_LENGTH) String> facts,
    @Pattern(regexp = "FACT|INTERACTION") String kind) {

  public static final int MAX_KEY_LENGTH = 64;
  public static final int MAX_SUBJECT_LENGTH = 200;
  public static final int MAX_FACT_LENGTH = 2_000;
  public static final int MAX_FACTS = 20;

  public RememberRequest {
    facts = facts == null ? List.of() : facts;
    kind = kind == null || kind.isBlank() ? MemoryEntry.FACT : kind;
  }

  /**
   * {@code fact} first, then {@code facts}, in a fixed order: a fact's position is its identity.
   */
  public List<String> texts() {
    List<String> texts = new ArrayList<>();
    if (fact != null && !fact.isBlank()) {
      texts.add(fact);
    }
    texts.addAll(facts);
    return texts;
  }
}
