/**
 * The {@code remember} and {@code recall} connectors: long-term memory per subject (a customer, a
 * supplier: whatever the process names as its memory key), kept by a {@link
 * io.baton.connectors.memory.MemoryStore} in the engine's database.
 */
package io.baton.connectors.memory;
