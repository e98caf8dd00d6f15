package io.baton.erasure;

import java.util.Set;

/**
 * Something Baton keeps about subjects, which an erasure removes: each feature that keeps data of
 * subjects (memory, stored payloads, learned examples, ...) provides one. It runs in the erasure's
 * transaction, so a failure of any one leaves everything as it was.
 */
public interface SubjectData {

  /** The subject keys (such as {@code customerId}) this feature keeps data under. */
  Set<String> subjectKeys();

  /** What this is, as the erasure's report counts it ({@code memoryEntries}). */
  String name();

  /** Removes what is kept about the subject and its cases; returns how many items it removed. */
  int erase(ErasedSubject subject);
}
