package io.baton.erasure;

import java.util.List;

/** A subject being erased: its key and id, and the cases (process instances) that named it. */
public record ErasedSubject(
    String erasureId, String subjectKey, String subjectId, List<String> caseIds) {

  public ErasedSubject {
    caseIds = List.copyOf(caseIds);
  }
}
