/**
 * Long-term memory per subject in Baton's tables: the store behind the {@code remember} and {@code
 * recall} connectors, its API for standalone workers, and the sweep of expired entries.
 */
package io.baton.memory;
