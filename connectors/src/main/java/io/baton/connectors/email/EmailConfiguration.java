package io.baton.connectors.email;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Where e-mail goes: by SMTP when Spring Boot has a mail sender ({@code spring.mail.host} is set),
 * else into the outbox directory. Says which, once, at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailSettings.class)
class EmailConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmailConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  MailDelivery mailDelivery(EmailSettings settings, ObjectProvider<JavaMailSender> smtp) {
    JavaMailSender sender = smtp.getIfAvailable();
    MailDelivery delivery =
        sender != null ? new SmtpDelivery(sender) : new OutboxDirectory(settings.outboxDirectory());
    log.info(
        "e-mail from baton.email and reply delivery goes to {}{}",
        delivery.describe(),
        sender != null ? "" : " (set spring.mail.host to send by SMTP)");
    return delivery;
  }
}
