package io.baton.connectors.retrieve;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Input of the {@code retrieve} connector.
 *
 * @param query what to find passages for: a question, or the text of a case
 * @param knowledgeBase the id of a knowledge base, the name of its folder under {@code
 *     processes/knowledge/}
 * @param topK how many passages to return at most; 3 when not given
 * @param minScore the similarity (0..1) a passage needs to count as relevant; 0.3 when not given
 */
public record RetrieveRequest(
    @NotBlank @Size(max = RetrieveRequest.MAX_QUERY_LENGTH) String query,
    @NotBlank String knowledgeBase,
    @Min(1) @Max(20) Integer topK,
    @DecimalMin("0") @DecimalMax("1") Double minScore) {

  public static final int MAX_QUERY_LENGTH = 5_000;

  public RetrieveRequest {
    topK = topK == null ? 3 : topK;
    minScore = minScore == null ? 0.3 : minScore;
  }
}
