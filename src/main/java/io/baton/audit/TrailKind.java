package io.baton.audit;

/** What a case trail entry records. */
public enum TrailKind {
  /** A model was asked: model, prompt, input hash, output, tokens, cost, latency, outcome. */
  MODEL_CALL,
  /** A connector task ended: its topic and the values it handed to the process. */
  CONNECTOR_RESULT,
  /** A routing decision: its inputs, the rules that matched, the route and why. */
  ROUTING,
  /** A person decided in a review: who, what, what they changed and why. */
  HUMAN_DECISION,
  /** A person approved an action with the digest of its exact arguments. */
  APPROVAL,
  /** Approvals that no longer hold, with who or what withdrew them and why. */
  WITHDRAWAL,
  /** A tool acted on a real system, once, under the effect ledger. */
  EFFECT,
  /** The approval gate refused a tool's action. */
  EFFECT_REFUSED,
  /** Data about a subject was erased; the entry says that it happened, not what was erased. */
  ERASURE
}
