/**
 * The {@code email} tool: sends a plain-text e-mail once per task, by SMTP when {@code
 * spring.mail.host} is set, else into an outbox directory of .eml files.
 */
package io.baton.connectors.email;
