package io.baton.connectors.vocabulary;

/** What the guard said about a message: the {@code guardVerdict} routing reads. */
public enum GuardVerdict {
  /** The guard found nothing. */
  PASS,
  /** The guard held the message back: a person looks before anything acts. */
  REVIEW,
  /** The process has no guard step. */
  NOT_GUARDED,
  /** The process has a guard step, but it left no (known) verdict. */
  MISSING
}
