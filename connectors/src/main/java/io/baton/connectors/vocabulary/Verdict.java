package io.baton.connectors.vocabulary;

/** What the validator said about an AI result: the {@code validationVerdict} routing reads. */
public enum Verdict {
  /** Every check the validator ran passed. */
  PASS,
  /** At least one check failed; the reasons say which. */
  FAIL,
  /** The process has no validator step. */
  NOT_VALIDATED,
  /** The process has a validator step, but it left no verdict. */
  MISSING
}
