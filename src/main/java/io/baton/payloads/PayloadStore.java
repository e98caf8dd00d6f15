package io.baton.payloads;

/**
 * Where payloads over the inline limit live. The engine keeps them in its database; a standalone
 * worker, which has none, sends them to the engine's {@code /api/payloads}.
 */
public interface PayloadStore {

  /**
   * Keeps {@code content} for the case, with its subject when the case names one.
   *
   * @param kind {@link PayloadRef#TEXT} (content is the text) or {@link PayloadRef#JSON} (content
   *     is JSON)
   * @throws PayloadTooLargeException when the content is over the hard maximum; nothing is kept
   */
  PayloadRef store(String processInstanceId, String kind, String content);

  /**
   * The content a reference points to, whole.
   *
   * @throws PayloadNotFoundException when it does not exist (never stored, expired or erased)
   */
  String read(String id);
}
