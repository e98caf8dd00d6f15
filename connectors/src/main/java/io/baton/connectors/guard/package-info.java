/**
 * The {@code guard} connector: judges a message by all of its parts before anything may act on it
 * (critical signals, text that tries to instruct the system, inputs unlike every labelled example).
 */
package io.baton.connectors.guard;
