package io.baton.review;

/** What a reviewer did with an AI result. */
public enum ReviewDecision {
  /** The AI's answer stands (the reviewer may still have edited the action, such as a reply). */
  APPROVE,
  /** The AI's label was wrong; the reviewer gave the right one and the case is routed again. */
  CHANGE_LABEL,
  /** The case is refused; nothing acts. */
  REJECT;

  /** A stored or submitted decision; CHANGE_INTENT is what CHANGE_LABEL was called before. */
  public static ReviewDecision parse(Object value) {
    String name = String.valueOf(value);
    if (name.equals("CHANGE_INTENT")) {
      return CHANGE_LABEL;
    }
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidReviewException(
          "reviewDecision must be one of %s, not %s".formatted(java.util.List.of(values()), value));
    }
  }
}
