package io.baton.connectors.memory;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Input of the {@code recall} connector.
 *
 * @param memoryKey what kind of subject (customer, supplier): a key declared in {@code
 *     baton.memory.keys}
 * @param subject which one, such as the customer's id
 * @param query what to recall memories for: the text of the case, or a question
 * @param tokenBudget how many tokens the recalled texts may take together; 500 when not given
 * @param maxEntries how many entries to return at most; 10 when not given
 * @param minScore the similarity (0..1) an entry needs to the query to be recalled; 0.2 when not
 *     given
 */
public record RecallRequest(
    @NotBlank @Size(max = RememberRequest.MAX_KEY_LENGTH) String memoryKey,
    @NotBlank @Size(max = RememberRequest.MAX_SUBJECT_LENGTH) String subject,
    @NotBlank @Size(max = MAX_QUERY_LENGTH) String query,
    @Min(1) @Max(MAX_TOKEN_BUDGET) Integer tokenBudget,
    @Min(1) @Max(MAX_ENTRIES) Integer maxEntries,
    @DecimalMin("0") @DecimalMax("1") Double minScore) {

  public static final int MAX_QUERY_LENGTH = 5_000;
  public static final int MAX_TOKEN_BUDGET = 8_000;
  public static final int MAX_ENTRIES = 50;

  public RecallRequest {
    tokenBudget = tokenBudget == null ? 500 : tokenBudget;
    maxEntries = maxEntries == null ? 10 : maxEntries;
    minScore = minScore == null ? 0.2 : minScore;
  }
}
