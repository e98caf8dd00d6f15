package io.baton.connectors.memory;

import java.util.List;

/**
 * Keeps the long-term memory of subjects: in the engine's database when the connectors run in the
 * engine application, through the engine's REST API in a standalone worker. The memory keys it
 * accepts are declared in the engine's configuration ({@code baton.memory.keys}); it refuses any
 * other with an {@link IllegalArgumentException} that names the key and writes nothing.
 */
public interface MemoryStore {

  /**
   * Keeps the entries, all or none. An entry whose {@link MemoryEntry#writeKey()} was kept before
   * (a retried task writing again) is recognised and changes nothing.
   *
   * @return how many of the entries were new
   * @throws IllegalArgumentException for an unknown memory key or an entry over the limits
   */
  int remember(List<MemoryEntry> entries);

  /**
   * The subject's entries that have not expired, most similar to {@code query} first.
   *
   * @param limit how many entries at most
   * @throws IllegalArgumentException for an unknown memory key
   */
  List<StoredMemory> similar(String memoryKey, String subject, float[] query, int limit);
}
