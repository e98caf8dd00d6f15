package io.baton.connectors.guard;

import java.util.List;

/**
 * Output of the {@code guard} connector; each component becomes a process variable that routing
 * reads.
 *
 * @param guardVerdict {@value #PASS} when nothing was found, {@value #REVIEW} when a person must
 *     look before anything acts
 * @param guardRisk the highest risk class found in any part: LOW, MEDIUM, HIGH or CRITICAL
 * @param guardFindings what was found, one entry each ({@code LEGAL_ACTION: 'lawyer'})
 * @param guardReason why the message was held back, in words a reviewer reads; empty on PASS
 * @param guardSimilarity the highest similarity of any part to a labelled example (0 without a
 *     label set)
 */
public record GuardResult(
    String guardVerdict,
    String guardRisk,
    List<String> guardFindings,
    String guardReason,
    double guardSimilarity) {

  public static final String PASS = "PASS";
  public static final String REVIEW = "REVIEW";
}
