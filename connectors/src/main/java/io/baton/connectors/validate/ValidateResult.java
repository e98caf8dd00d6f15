package io.baton.connectors.validate;

import io.baton.connectors.vocabulary.Verdict;
import java.util.List;
import java.util.Map;

/**
 * Output of the {@code validate} connector; each component becomes a process variable.
 *
 * @param verdict {@link Verdict#PASS} when every given check passed, else {@link Verdict#FAIL} (the
 *     process variable holds the name)
 * @param reasons what failed, each starting with the check's name, e.g. {@code requiredFields:
 *     'amount' is missing}; empty on {@code PASS}
 * @param checks per check that ran, {@code PASS} or {@code FAIL} ({@code SKIPPED} for grounding
 *     when the output has no text)
 * @param groundingScore the support of the output's least supported sentence by its closest source
 *     (0..1); {@code null} when no sources were given
 */
public record ValidateResult(
    Verdict verdict, List<String> reasons, Map<String, String> checks, Double groundingScore) {

  /** A check's outcome in {@link #checks} when it had nothing to check. */
  public static final String SKIPPED = "SKIPPED";
}
