package io.baton.models;

/** The prompt template a call used: its id and version, recorded with the call. */
public record PromptRef(String id, int version) {

  @Override
  public String toString() {
    return id + "@" + version;
  }
}
