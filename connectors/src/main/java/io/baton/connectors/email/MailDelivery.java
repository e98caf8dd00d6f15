package io.baton.connectors.email;

import jakarta.mail.internet.MimeMessage;

/** Where a finished message goes: an SMTP server, or the outbox directory. */
public interface MailDelivery {

  /**
   * Delivers the message. {@code name} is the idempotency key made safe for a file name and a
   * Message-ID: delivering the same name twice must not leave two messages where it can avoid it.
   */
  void deliver(MimeMessage message, String name);

  /** Where mail goes, for the log and for error messages. */
  String describe();
}
