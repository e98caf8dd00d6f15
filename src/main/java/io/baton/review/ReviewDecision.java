package io.baton.review;

/** What a reviewer did with an AI result. */
public enum ReviewDecision {
  /** The AI's answer stands (the reviewer may still have edited the action, such as a reply). */
  APPROVE,
  /** The AI's answer was wrong; the reviewer gave the right one. */
  CHANGE_INTENT,
  /** The case is refused; nothing acts. */
  REJECT
}
