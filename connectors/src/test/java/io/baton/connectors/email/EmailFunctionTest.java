package io.baton.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.RetryLaterException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class EmailFunctionTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path outbox;

  private static final String KEY = "4f1c-pi:send-reply:7a2b-ai";

  @Test
  void should_deliver_subject_body_recipients_and_a_message_id_from_the_key_over_smtp()
      throws Exception {
    EmailFunction email =
        email(List.of("customers.example"), smtpDelivery(smtp.getSmtp().getPort()));

    EmailResult result =
        email.act(
            new EmailRequest(
                "anna@customers.example, Ben <ben@Customers.Example>",
                "Your order 7781",
                "Hello Anna,\nyour parcel left today.\n"),
            KEY);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).as("one copy per recipient").hasSize(2);
    MimeMessage message = received[0];
    assertThat(message.getSubject()).isEqualTo("Your order 7781");
    assertThat(GreenMailUtil.getBody(message).strip())
        .isEqualTo("Hello Anna,\r\nyour parcel left today.");
    assertThat(Arrays.stream(message.getAllRecipients()).map(Object::toString))
        .containsExactly("anna@customers.example", "Ben <ben@Customers.Example>");
    assertThat(message.getFrom()[0].toString()).isEqualTo("Baton <baton@shop.example>");
    assertThat(message.getMessageID())
        .isEqualTo(result.emailMessageId())
        .startsWith("<4f1c-pi_send-reply_7a2b-ai.")
        .endsWith("@baton>");
    assertThat(message.getHeader("X-Baton-Idempotency-Key")).containsExactly(KEY);
    assertThat(result.emailRecipients()).isEqualTo(2);
  }

  @Test
  void should_refuse_a_recipient_outside_the_allowed_domains_and_send_nothing() {
    EmailFunction email =
        email(List.of("customers.example"), smtpDelivery(smtp.getSmtp().getPort()));

    assertThatThrownBy(
            () ->
                email.act(
                    new EmailRequest("anna@customers.example, eve@elsewhere.example", "Hi", "x"),
                    KEY))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("domain 'elsewhere.example' is not allowed")
        .hasMessageContaining("baton.tools.email.allowed-domains");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void should_refuse_what_is_not_an_address_too_many_recipients_and_no_sender() {
    EmailFunction email = email(List.of(), new OutboxDirectory(outbox));

    assertThatThrownBy(() -> email.act(new EmailRequest("anna at customers", "Hi", "x"), KEY))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("'anna at customers' is not an e-mail address");
    String many =
        String.join(
            ",", Stream.iterate(1, i -> i + 1).limit(21).map(i -> "c" + i + "@x.example").toList());
    assertThatThrownBy(() -> email.act(new EmailRequest(many, "Hi", "x"), KEY))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("21 recipients; at most 20");
    assertThatThrownBy(() -> email.act(new EmailRequest("a@x.example", "Hi\r\nBcc: b@x", "x"), KEY))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("single line");
    EmailFunction noSender =
        new EmailFunction(
            new EmailSettings(" ", List.of(), outbox, "Written with AI."),
            new OutboxDirectory(outbox));
    assertThatThrownBy(() -> noSender.act(new EmailRequest("a@x.example", "Hi", "x"), KEY))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("set baton.tools.email.from (BATON_TOOLS_EMAIL_FROM)");
  }

  @Test
  void should_write_one_eml_file_per_key_into_the_outbox_directory() throws Exception {
    EmailFunction email = email(List.of(), new OutboxDirectory(outbox));
    EmailRequest request = new EmailRequest("anna@customers.example", "Your order", "Hello");

    EmailResult first = email.act(request, KEY);
    email.act(request, KEY);
    email.act(request, "other-pi:send-reply:1");

    List<Path> files;
    try (Stream<Path> list = Files.list(outbox)) {
      files = list.sorted().toList();
    }
    assertThat(files).hasSize(2);
    Path file = outbox.resolve(first.emailMessageId().replaceAll("^<|@baton>$", "") + ".eml");
    assertThat(files).contains(file);
    MimeMessage written;
    try (InputStream in = Files.newInputStream(file)) {
      written = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertThat(written.getMessageID()).isEqualTo(first.emailMessageId());
    assertThat(written.getSubject()).isEqualTo("Your order");
    assertThat(GreenMailUtil.getBody(written).strip()).isEqualTo("Hello");
    assertThat(written.getAllRecipients()[0].toString()).isEqualTo("anna@customers.example");
  }

  @Test
  void should_name_the_servers_reply_when_it_refuses_for_good_and_retry_when_it_refuses_for_now()
      throws Exception {
    EmailRequest request = new EmailRequest("anna@customers.example", "Hi", "x");
    try (RefusingSmtpServer server = new RefusingSmtpServer("550 5.1.1 mailbox unavailable")) {
      assertThatThrownBy(() -> email(List.of(), smtpDelivery(server.port())).act(request, KEY))
          .isInstanceOf(ConnectorIncident.class)
          .hasMessageContaining("refused the message (550)")
          .hasMessageContaining("mailbox unavailable");
    }
    try (RefusingSmtpServer server = new RefusingSmtpServer("451 4.7.1 greylisted, try later")) {
      assertThatThrownBy(() -> email(List.of(), smtpDelivery(server.port())).act(request, KEY))
          .isInstanceOf(RetryLaterException.class)
          .hasMessageContaining("(451)")
          .hasMessageContaining("greylisted");
    }
  }

  @Test
  void should_try_again_later_when_the_smtp_server_is_not_reachable() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    EmailFunction email = email(List.of(), smtpDelivery(closed));

    assertThatThrownBy(() -> email.act(new EmailRequest("a@x.example", "Hi", "x"), KEY))
        .isInstanceOf(RetryLaterException.class)
        .hasMessageContaining("cannot send by SMTP via the SMTP server localhost:" + closed);
  }

  @Test
  void should_make_any_key_a_safe_distinct_name() {
    assertThat(MessageNames.of("pi-1_a")).isEqualTo("pi-1_a");
    assertThat(MessageNames.of("pi:1")).matches("pi_1\\.[0-9a-f]{12}");
    assertThat(MessageNames.of("pi:1")).isNotEqualTo(MessageNames.of("pi/1"));
    assertThat(MessageNames.of("../../etc/passwd")).doesNotContain("/").doesNotStartWith(".");
  }

  private EmailFunction email(List<String> allowedDomains, MailDelivery delivery) {
    return new EmailFunction(
        new EmailSettings("Baton <baton@shop.example>", allowedDomains, outbox, "Written with AI."),
        delivery);
  }

  private static SmtpDelivery smtpDelivery(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("localhost");
    sender.setPort(port);
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
    return new SmtpDelivery(sender);
  }
}
