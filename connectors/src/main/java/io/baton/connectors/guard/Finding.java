package io.baton.connectors.guard;

import io.baton.connectors.vocabulary.Risk;

/**
 * One thing the guard found in a message.
 *
 * @param kind what was found, such as {@code LEGAL_ACTION} or {@code PROMPT_INJECTION}
 * @param risk the risk it implies
 * @param evidence the words or the part of the message that show it, as a reviewer reads them
 */
record Finding(Kind kind, Risk risk, String evidence) {

  /** The kinds of finding, each with the risk it implies and the words a reviewer reads. */
  enum Kind {
    PROMPT_INJECTION(Risk.CRITICAL, "text that tries to instruct the system"),
    ENCODED_PAYLOAD(Risk.CRITICAL, "an encoded or hidden payload"),
    LEGAL_ACTION(Risk.CRITICAL, "legal action"),
    DATA_PROTECTION(Risk.CRITICAL, "a data-protection demand"),
    REFUND(Risk.HIGH, "a refund or chargeback"),
    AMOUNT(Risk.HIGH, "a money amount"),
    PART_INTENT(null, "a part with a riskier intent than the whole"),
    OUT_OF_DISTRIBUTION(Risk.MEDIUM, "a message unlike every labelled example");

    private final Risk risk;
    private final String description;

    Kind(Risk risk, String description) {
      this.risk = risk;
      this.description = description;
    }

    Finding of(String evidence) {
      return new Finding(this, risk, evidence);
    }

    String description() {
      return description;
    }
  }

  /** As stored in {@code guardFindings}: {@code LEGAL_ACTION: 'lawyer'}. */
  @Override
  public String toString() {
    return kind + ": " + evidence;
  }
}
