package io.baton.connectors.email;

import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.RetryLaterException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes each message as {@code <name>.eml} into a directory: the embedded default, which needs no
 * mail server. A name written before is not written again, so a task that runs twice leaves one
 * file. The file appears whole or not at all (written beside it, then renamed).
 */
public final class OutboxDirectory implements MailDelivery {

  private final Path directory;

  public OutboxDirectory(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  @Override
  public void deliver(MimeMessage message, String name) {
    Path target = directory.resolve(name + ".eml");
    if (Files.exists(target)) {
      return;
    }
    Path partial = null;
    try {
      Files.createDirectories(directory);
      partial = Files.createTempFile(directory, "." + name, ".partial");
      try (OutputStream out = Files.newOutputStream(partial)) {
        message.writeTo(out);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (MessagingException e) {
      throw new ConnectorIncident("cannot write the message: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new RetryLaterException(
          "cannot write to the mail outbox %s (baton.tools.email.outbox-directory): %s"
              .formatted(directory, e),
          null);
    } finally {
      deleteQuietly(partial);
    }
  }

  @Override
  public String describe() {
    return "the outbox directory " + directory;
  }

  public Path directory() {
    return directory;
  }

  private static void deleteQuietly(Path partial) {
    if (partial != null) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // a leftover .partial file is never read as a message
      }
    }
  }
}
