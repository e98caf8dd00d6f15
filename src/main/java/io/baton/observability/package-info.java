/**
 * What operators read of the engine side: case counts and durations per process from the engine's
 * history events, and the after-commit rule every engine-side metric follows.
 */
package io.baton.observability;
