package io.baton.connectors.email;

import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.ToolConnector;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Sends a plain-text e-mail from {@code baton.tools.email.from}, on topic {@code baton.email}, to
 * recipients in {@code baton.tools.email.allowed-domains} only. Its Message-ID is derived from the
 * idempotency key (and the key is in header {@value #KEY_HEADER}), so a receiver can drop a
 * duplicate; where it goes ({@link MailDelivery}) is configuration.
 */
@Component
public class EmailFunction implements ToolConnector<EmailRequest, EmailResult> {

  public static final int MAX_RECIPIENTS = 20;
  static final String KEY_HEADER = "X-Baton-Idempotency-Key";

  /** Names the model that wrote a message; present only on messages a model wrote. */
  public static final String AI_GENERATED_HEADER = "X-Baton-AI-Generated";

  private final EmailSettings settings;
  private final MailDelivery delivery;
  private final Set<String> allowedDomains;
  private final Session session = Session.getInstance(new Properties());

  public EmailFunction(EmailSettings settings, MailDelivery delivery) {
    this.settings = settings;
    this.delivery = delivery;
    this.allowedDomains =
        settings.allowedDomains().stream()
            .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
            .filter(domain -> !domain.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String topic() {
    return "baton.email";
  }

  @Override
  public Class<EmailRequest> inputType() {
    return EmailRequest.class;
  }

  @Override
  public EmailResult act(EmailRequest input, String idempotencyKey) {
    InternetAddress from = sender();
    List<InternetAddress> to = recipients(input.to());
    if (input.subject() == null
        || input.subject().contains("\r")
        || input.subject().contains("\n")) {
      throw new ConnectorIncident("the e-mail subject must be a single line");
    }
    String name = MessageNames.of(idempotencyKey);
    String messageId = MessageNames.messageId(name);
    try {
      MimeMessage message = new KeyedMimeMessage(session, messageId);
      message.setFrom(from);
      message.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
      message.setSubject(input.subject(), StandardCharsets.UTF_8.name());
      message.setText(
          input.aiGenerated() ? input.body() + "\n\n-- \n" + settings.aiNotice() : input.body(),
          StandardCharsets.UTF_8.name());
      if (input.aiGenerated()) {
        message.setHeader(AI_GENERATED_HEADER, input.aiGeneratedBy().strip());
      }
      message.setSentDate(new Date());
      message.setHeader(KEY_HEADER, idempotencyKey);
      message.saveChanges();
      delivery.deliver(message, name);
    } catch (MessagingException e) {
      throw new ConnectorIncident("cannot build the e-mail: " + e.getMessage(), e);
    }
    return new EmailResult(messageId, to.size());
  }

  private InternetAddress sender() {
    if (settings.from() == null || settings.from().isBlank()) {
      throw new ConnectorIncident(
          "email has no sender: set baton.tools.email.from (BATON_TOOLS_EMAIL_FROM)");
    }
    try {
      InternetAddress from = new InternetAddress(settings.from().strip(), true);
      from.validate();
      return from;
    } catch (AddressException e) {
      throw new ConnectorIncident(
          "baton.tools.email.from is not an e-mail address: " + e.getMessage(), e);
    }
  }

  private List<InternetAddress> recipients(String to) {
    List<InternetAddress> recipients = new ArrayList<>();
    for (String part : to.split(",")) {
      String text = part.strip();
      if (text.isEmpty()) {
        continue;
      }
      InternetAddress address;
      try {
        address = new InternetAddress(text, true);
        address.validate();
      } catch (AddressException e) {
        throw new ConnectorIncident(
            "'%s' is not an e-mail address: %s".formatted(text, e.getMessage()), e);
      }
      if (address.getAddress().indexOf('@') < 1) {
        throw new ConnectorIncident(
            "'%s' is not an e-mail address: it has no domain".formatted(text));
      }
      String domain = domain(address);
      if (!allowedDomains.isEmpty() && !allowedDomains.contains(domain)) {
        throw new ConnectorIncident(
            "e-mail to domain '%s' is not allowed: add it to baton.tools.email.allowed-domains (BATON_TOOLS_EMAIL_ALLOWED_DOMAINS), now %s"
                .formatted(domain, allowedDomains.stream().sorted().toList()));
      }
      recipients.add(address);
    }
    if (recipients.isEmpty()) {
      throw new ConnectorIncident("the e-mail has no recipient");
    }
    if (recipients.size() > MAX_RECIPIENTS) {
      throw new ConnectorIncident(
          "the e-mail has %d recipients; at most %d are allowed"
              .formatted(recipients.size(), MAX_RECIPIENTS));
    }
    return recipients;
  }

  private static String domain(InternetAddress address) {
    String text = address.getAddress();
    return text.substring(text.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
  }

  /** A message whose Message-ID stays the one derived from the idempotency key. */
  private static final class KeyedMimeMessage extends MimeMessage {

    private final String messageId;

    KeyedMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
