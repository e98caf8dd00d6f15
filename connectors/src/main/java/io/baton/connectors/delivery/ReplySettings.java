package io.baton.connectors.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code send-reply} tool, {@code baton.tools.reply.*}.
 *
 * @param channel how replies go out: {@code email} (the {@code email} tool's settings) or {@code
 *     webhook} (the {@code notify} tool's)
 * @param subject the subject of a reply sent by e-mail
 */
@ConfigurationProperties("baton.tools.reply")
public record ReplySettings(
    @DefaultValue("email") Channel channel,
    @DefaultValue("Our reply to your request") String subject) {

  public enum Channel {
    EMAIL,
    WEBHOOK
  }

  public ReplySettings {
    if (subject == null || subject.contains("\r") || subject.contains("\n") || subject.isBlank()) {
      throw new IllegalArgumentException(
          "baton.tools.reply.subject must be one line of text (BATON_TOOLS_REPLY_SUBJECT)");
    }
  }
}
