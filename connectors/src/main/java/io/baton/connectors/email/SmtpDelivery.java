package io.baton.connectors.email;

import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.RetryLaterException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends by SMTP through Spring's {@link JavaMailSender}. A permanent refusal (a 5xx reply, a login
 * refused) is an incident with the server's reply; a temporary one (4xx, no connection) is retried.
 */
public final class SmtpDelivery implements MailDelivery {

  private final JavaMailSender sender;

  public SmtpDelivery(JavaMailSender sender) {
    this.sender = sender;
  }

  @Override
  public void deliver(MimeMessage message, String name) {
    try {
      sender.send(message);
    } catch (MailAuthenticationException e) {
      throw new ConnectorIncident(
          "the SMTP server refused the login: check spring.mail.username and spring.mail.password"
              + " (SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD): "
              + e.getMessage(),
          e);
    } catch (MailException e) {
      throw classify(e);
    }
  }

  private RuntimeException classify(MailException e) {
    List<Throwable> causes = causes(e);
    for (Throwable cause : causes) {
      int code = returnCode(cause);
      if (code >= 500) {
        return new ConnectorIncident(
            "the SMTP server refused the message (%d): %s"
                .formatted(code, cause.getMessage().strip()),
            e);
      }
      if (code >= 400) {
        return new RetryLaterException(
            "the SMTP server asked to try again later (%d): %s"
                .formatted(code, cause.getMessage().strip()),
            null);
      }
    }
    return new RetryLaterException(
        "cannot send by SMTP via %s: %s".formatted(describe(), rootMessage(causes)), null);
  }

  private static int returnCode(Throwable cause) {
    if (cause instanceof SMTPAddressFailedException failed) {
      return failed.getReturnCode();
    }
    if (cause instanceof SMTPSenderFailedException failed) {
      return failed.getReturnCode();
    }
    if (cause instanceof SMTPSendFailedException failed) {
      return failed.getReturnCode();
    }
    return -1;
  }

  /** The exception, its causes, the failures of a MailSendException and their next exceptions. */
  private static List<Throwable> causes(MailException e) {
    List<Throwable> all = new ArrayList<>();
    add(all, e);
    if (e instanceof MailSendException send) {
      for (Exception failure : send.getMessageExceptions()) {
        add(all, failure);
      }
    }
    return all;
  }

  private static void add(List<Throwable> all, Throwable e) {
    while (e != null && !all.contains(e)) {
      all.add(e);
      if (e instanceof MessagingException messaging && messaging.getNextException() != null) {
        add(all, messaging.getNextException());
      }
      e = e.getCause();
    }
  }

  private static String rootMessage(List<Throwable> causes) {
    Throwable last = causes.get(causes.size() - 1);
    return last.getMessage() == null ? last.toString() : last.getMessage().strip();
  }

  @Override
  public String describe() {
    return sender instanceof JavaMailSenderImpl impl
        ? "the SMTP server %s:%d".formatted(impl.getHost(), impl.getPort())
        : "the SMTP server (spring.mail.host)";
  }
}
