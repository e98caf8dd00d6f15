/**
 * Workflow memory's large values: {@code baton_payload} with its REST API for standalone workers,
 * its expiry sweep, and the views that show a referenced payload whole in a user task's form
 * without writing it into the engine's history.
 */
package io.baton.memory.payloads;
