package io.baton.memory.payloads;

import io.baton.erasure.ErasedSubject;
import io.baton.erasure.SubjectData;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What an erasure removes of stored payloads: those stored under the subject, and those of its
 * cases.
 */
@Component
class PayloadData implements SubjectData {

  private final JdbcPayloadStore store;

  PayloadData(JdbcPayloadStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "payloads";
  }

  @Override
  public Set<String> subjectKeys() {
    return Set.of();
  }

  @Override
  public int erase(ErasedSubject subject) {
    return store.deleteSubject(subject.subjectKey(), subject.subjectId(), subject.caseIds());
  }
}
