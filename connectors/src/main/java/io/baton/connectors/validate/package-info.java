/**
 * The {@code validate} connector: checks an AI output (schema, required fields, allowed values,
 * personal data, grounding in sources, length) before anything acts on it.
 */
package io.baton.connectors.validate;
