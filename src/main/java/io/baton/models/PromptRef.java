package io.baton.models;

/**
 * The prompt template a call used: its id, version and the SHA-256 of its text (so an auditor can
 * tell two texts published under one version apart), recorded with the call.
 */
public record PromptRef(String id, int version, String sha256) {

  /** A built-in prompt, identified by id and version alone. */
  public PromptRef(String id, int version) {
    this(id, version, null);
  }

  @Override
  public String toString() {
    return id + "@" + version;
  }
}
