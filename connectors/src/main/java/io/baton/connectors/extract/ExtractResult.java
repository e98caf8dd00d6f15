package io.baton.connectors.extract;

import java.util.Map;

/**
 * Output of the {@code extract} connector: only a result that matches its schema is returned.
 *
 * @param extracted the filled-in object
 * @param extractModel the named model whose answer was taken
 * @param extractGenerated false when the offline model read labelled lines instead
 * @param extractAttempts 1, or 2 when the first answer needed a repair
 */
public record ExtractResult(
    Map<String, Object> extracted,
    String extractModel,
    boolean extractGenerated,
    int extractAttempts) {}
