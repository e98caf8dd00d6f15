package io.baton.learning;

import io.baton.erasure.ErasedSubject;
import io.baton.erasure.SubjectData;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What an erasure removes of what reviewers taught: the examples about the subject or taken from
 * its cases (they hold its messages).
 */
@Component
class LearnedExampleData implements SubjectData {

  private final LearnedExampleStore store;

  LearnedExampleData(LearnedExampleStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "learnedExamples";
  }

  @Override
  public Set<String> subjectKeys() {
    return Set.of();
  }

  @Override
  public int erase(ErasedSubject subject) {
    return store.eraseSubject(subject.subjectId(), subject.caseIds());
  }
}
