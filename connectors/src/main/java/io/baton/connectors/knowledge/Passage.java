package io.baton.connectors.knowledge;

/**
 * One passage of a knowledge-base document.
 *
 * @param sourceId where it comes from, {@code <file>#<n>} with n counting the file's passages from
 *     1
 * @param title the headings above it, or the file name when it has none
 * @param text the passage itself
 */
public record Passage(String sourceId, String title, String text) {}
