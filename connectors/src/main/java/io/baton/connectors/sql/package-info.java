/**
 * The {@code sql} connector: runs one read-only SELECT with bound parameters on a configured data
 * source and returns its rows as JSON-friendly values.
 */
package io.baton.connectors.sql;
