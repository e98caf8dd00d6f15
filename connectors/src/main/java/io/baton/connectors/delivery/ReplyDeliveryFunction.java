package io.baton.connectors.delivery;

import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.ToolConnector;
import io.baton.connectors.email.EmailFunction;
import io.baton.connectors.email.EmailRequest;
import io.baton.connectors.email.EmailResult;
import io.baton.connectors.notify.NotifyFunction;
import io.baton.connectors.notify.NotifyRequest;
import io.baton.connectors.notify.NotifyResult;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Delivers a customer reply on topic {@code baton.send-reply}, through the channel {@code
 * baton.tools.reply.channel} names: the {@code email} tool to {@code customerEmail}, or the {@code
 * notify} webhook with the customer id as recipient. The channel is configuration, so a diagram
 * does not change when replies move from e-mail to a webhook. A reply by e-mail to a customer
 * without an address raises {@value #NO_REPLY_ADDRESS}: the diagram sends it to a person.
 */
@Component
@EnableConfigurationProperties(ReplySettings.class)
public class ReplyDeliveryFunction
    implements ToolConnector<ReplyDeliveryRequest, ReplyDeliveryResult> {

  /** The BPMN error of a reply by e-mail for a customer whose address is not known. */
  public static final String NO_REPLY_ADDRESS = "NO_REPLY_ADDRESS";

  private static final int MAX_WEBHOOK_MESSAGE = 4000;

  private final ReplySettings settings;
  private final EmailFunction email;
  private final NotifyFunction notify;

  public ReplyDeliveryFunction(ReplySettings settings, EmailFunction email, NotifyFunction notify) {
    this.settings = settings;
    this.email = email;
    this.notify = notify;
  }

  @Override
  public String topic() {
    return "baton.send-reply";
  }

  @Override
  public Class<ReplyDeliveryRequest> inputType() {
    return ReplyDeliveryRequest.class;
  }

  @Override
  public ReplyDeliveryResult act(ReplyDeliveryRequest input, String idempotencyKey) {
    String channel = settings.channel().name().toLowerCase(Locale.ROOT);
    return switch (settings.channel()) {
      case EMAIL -> {
        if (input.customerEmail() == null || input.customerEmail().isBlank()) {
          throw new ConnectorBpmnError(
              NO_REPLY_ADDRESS,
              "customer %s has no e-mail address (customerEmail): reply by other means, or set"
                      .formatted(input.customerId())
                  + " baton.tools.reply.channel=webhook");
        }
        EmailResult sent =
            email.act(
                new EmailRequest(
                    input.customerEmail(),
                    settings.subject(),
                    input.reply(),
                    input.replyGeneratedBy()),
                idempotencyKey);
        yield new ReplyDeliveryResult(true, channel, sent.emailMessageId());
      }
      case WEBHOOK -> {
        if (input.reply().length() > MAX_WEBHOOK_MESSAGE) {
          throw new ConnectorIncident(
              "the reply has %d characters; the webhook takes at most %d"
                  .formatted(input.reply().length(), MAX_WEBHOOK_MESSAGE));
        }
        NotifyResult sent =
            notify.act(
                new NotifyRequest(input.reply(), input.customerId(), input.replyGeneratedBy()),
                idempotencyKey);
        yield new ReplyDeliveryResult(true, channel, sent.notificationKey());
      }
    };
  }
}
