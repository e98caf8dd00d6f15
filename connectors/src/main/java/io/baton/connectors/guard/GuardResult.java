package io.baton.connectors.guard;

import io.baton.connectors.vocabulary.GuardVerdict;
import io.baton.connectors.vocabulary.Risk;
import java.util.List;

/**
 * Output of the {@code guard} connector; each component becomes a process variable that routing
 * reads.
 *
 * @param guardVerdict {@link GuardVerdict#PASS} when nothing was found, {@link GuardVerdict#REVIEW}
 *     when a person must look before anything acts
 * @param guardRisk the highest {@link Risk} found in any part, {@code LOW} when nothing was found
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

  /** The name of {@link GuardVerdict#PASS}, as the process variable holds it. */
  public static final String PASS = GuardVerdict.PASS.name();

  /** The name of {@link GuardVerdict#REVIEW}, as the process variable holds it. */
  public static final String REVIEW = GuardVerdict.REVIEW.name();
}
