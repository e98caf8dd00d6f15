/**
 * The {@code classify} connector: picks one label of a label set, with confidence and rationale.
 */
package io.baton.connectors.classify;
