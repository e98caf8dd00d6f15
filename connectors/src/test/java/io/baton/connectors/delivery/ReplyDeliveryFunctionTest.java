package io.baton.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.delivery.ReplySettings.Channel;
import io.baton.connectors.email.EmailFunction;
import io.baton.connectors.email.EmailSettings;
import io.baton.connectors.email.OutboxDirectory;
import io.baton.connectors.notify.NotifyFunction;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplyDeliveryFunctionTest {

  private static final String KEY = "pi-1:send-reply:ai-1";

  @TempDir Path outbox;

  @Test
  void should_send_the_reply_by_email_to_the_customers_address() throws IOException {
    ReplyDeliveryFunction reply = reply(Channel.EMAIL, "");

    ReplyDeliveryResult result =
        reply.act(
            new ReplyDeliveryRequest("C-42", "Your parcel left today.", "anna@customers.example"),
            KEY);

    assertThat(result.replySent()).isTrue();
    assertThat(result.replyChannel()).isEqualTo("email");
    assertThat(result.replyReference()).startsWith("<pi-1_send-reply_ai-1.");
    try (Stream<Path> files = Files.list(outbox)) {
      Path file = files.findFirst().orElseThrow();
      assertThat(Files.readString(file))
          .contains("To: anna@customers.example")
          .contains("Subject: Our reply to your request")
          .contains("Your parcel left today.");
    }
  }

  @Test
  void should_mark_a_reply_a_model_wrote_as_ai_generated_and_leave_others_unmarked()
      throws IOException {
    ReplyDeliveryFunction reply = reply(Channel.EMAIL, "");

    reply.act(
        new ReplyDeliveryRequest(
            "C-42", "Your parcel left today.", "anna@customers.example", "smart"),
        KEY);
    reply.act(
        new ReplyDeliveryRequest("C-43", "Your parcel left today.", "ben@customers.example", " "),
        "pi-2:send-reply:ai-2");

    String written = message("anna@customers.example");
    assertThat(written)
        .contains(EmailFunction.AI_GENERATED_HEADER + ": smart")
        .containsSubsequence("Your parcel left today.", "-- ", "Written with AI.");
    assertThat(message("ben@customers.example"))
        .doesNotContain(EmailFunction.AI_GENERATED_HEADER)
        .doesNotContain("Written with AI.");
  }

  private String message(String to) throws IOException {
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path file : files.toList()) {
        String text = Files.readString(file);
        if (text.contains("To: " + to)) {
          return text;
        }
      }
    }
    throw new AssertionError("no message to " + to + " in " + outbox);
  }

  @Test
  void should_raise_no_reply_address_for_an_email_reply_without_an_address() {
    ReplyDeliveryFunction reply = reply(Channel.EMAIL, "");

    for (String none : new String[] {null, " "}) {
      assertThatThrownBy(() -> reply.act(new ReplyDeliveryRequest("C-42", "Hello", none), KEY))
          .isInstanceOfSatisfying(
              ConnectorBpmnError.class,
              e -> assertThat(e.code()).isEqualTo(ReplyDeliveryFunction.NO_REPLY_ADDRESS))
          .hasMessageContaining("customer C-42 has no e-mail address");
    }
  }

  @Test
  void should_post_the_reply_to_the_webhook_when_that_is_the_channel() throws IOException {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          received.add(
              exchange.getRequestHeaders().getFirst("Idempotency-Key")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";

      ReplyDeliveryResult result =
          reply(Channel.WEBHOOK, url)
              .act(new ReplyDeliveryRequest("C-42", "Your parcel left today.", null), KEY);
      reply(Channel.WEBHOOK, url)
          .act(
              new ReplyDeliveryRequest("C-43", "Your parcel left today.", null, "smart"),
              "pi-2:send-reply:ai-2");

      assertThat(result.replyChannel()).isEqualTo("webhook");
      assertThat(received)
          .containsExactly(
              KEY + " {\"message\":\"Your parcel left today.\",\"recipient\":\"C-42\"}",
              "pi-2:send-reply:ai-2 {\"message\":\"Your parcel left today.\","
                  + "\"recipient\":\"C-43\",\"aiGeneratedBy\":\"smart\"}");
      assertThat(outbox).isEmptyDirectory();
    } finally {
      server.stop(0);
    }
  }

  private ReplyDeliveryFunction reply(Channel channel, String webhookUrl) {
    return new ReplyDeliveryFunction(
        new ReplySettings(channel, "Our reply to your request"),
        new EmailFunction(
            new EmailSettings("Shop <support@shop.example>", List.of(), outbox, "Written with AI."),
            new OutboxDirectory(outbox)),
        new NotifyFunction(webhookUrl));
  }
}
