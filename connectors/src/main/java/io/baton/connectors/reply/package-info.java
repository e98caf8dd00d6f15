/** The {@code draft-reply} connector: drafts a customer reply for an intent from its templates. */
package io.baton.connectors.reply;
