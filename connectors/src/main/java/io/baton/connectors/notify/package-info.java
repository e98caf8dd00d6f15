/** The {@code notify} tool: posts a message to a configured webhook, once per task. */
package io.baton.connectors.notify;
