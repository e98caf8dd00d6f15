package io.baton.memory;

import io.baton.erasure.ErasedSubject;
import io.baton.erasure.SubjectData;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What an erasure removes of long-term memory: every entry kept under the subject's key and id. */
@Component
class MemoryData implements SubjectData {

  private final JdbcMemoryStore store;
  private final MemoryProperties properties;

  MemoryData(JdbcMemoryStore store, MemoryProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  @Override
  public String name() {
    return "memoryEntries";
  }

  @Override
  public Set<String> subjectKeys() {
    return properties.keys().keySet();
  }

  @Override
  public int erase(ErasedSubject subject) {
    return store.forget(subject.subjectKey(), subject.subjectId());
  }
}
