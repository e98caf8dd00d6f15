package io.baton.support;

import io.baton.connectors.email.MailDelivery;
import io.baton.connectors.email.OutboxDirectory;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The e-mail a case delivered in the embedded default: the .eml files of the outbox directory whose
 * name starts with the case's id (a tool's idempotency key is the process instance and the activity
 * instance).
 */
public final class DeliveredMail {

  private DeliveredMail() {}

  public static List<MimeMessage> messages(MailDelivery delivery, ProcessInstance pi) {
    Path directory = ((OutboxDirectory) delivery).directory();
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<MimeMessage> messages = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file :
          files
              .filter(f -> f.getFileName().toString().startsWith(pi.getId() + "_"))
              .filter(f -> f.getFileName().toString().endsWith(".eml"))
              .sorted()
              .toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          messages.add(new MimeMessage(Session.getInstance(new Properties()), in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
    return messages;
  }

  /** The texts of the messages the case delivered. */
  public static List<String> texts(MailDelivery delivery, ProcessInstance pi) {
    return messages(delivery, pi).stream().map(DeliveredMail::text).toList();
  }

  private static String text(MimeMessage message) {
    try {
      return message.getContent().toString();
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
