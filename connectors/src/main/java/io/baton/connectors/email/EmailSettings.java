package io.baton.connectors.email;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code email} tool, {@code baton.tools.email.*}.
 *
 * @param from the sender address; nothing is sent without one
 * @param allowedDomains the recipient domains mail may go to (exact, case-insensitive); empty means
 *     any
 * @param outboxDirectory where messages are written as .eml files when no SMTP server is set
 * @param aiNotice the line under the text of a message a model wrote (EU AI Act, Art. 50)
 */
@ConfigurationProperties("baton.tools.email")
public record EmailSettings(
    String from,
    @DefaultValue List<String> allowedDomains,
    @DefaultValue("./data/mail") Path outboxDirectory,
    @DefaultValue("This message was written with the help of AI.") String aiNotice) {}
