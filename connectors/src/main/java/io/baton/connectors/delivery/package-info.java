/**
 * The {@code send-reply} tool: delivers an approved customer reply once, by e-mail or by webhook as
 * {@code baton.tools.reply.channel} says.
 */
package io.baton.connectors.delivery;
