package io.baton.connectors.memory;

/**
 * Output of the {@code remember} connector; each component becomes a process variable.
 *
 * @param remembered how many facts this task keeps about the subject
 * @param alreadyRemembered how many of them an earlier attempt of the same task had kept already
 */
public record RememberResult(int remembered, int alreadyRemembered) {}
