package io.baton.connectors.sql;

import java.util.List;
import java.util.Map;

/**
 * Output of the {@code sql} connector.
 *
 * @param rows one object per row, column label to value: numbers, text, booleans, ISO-8601 text for
 *     dates and times, null
 * @param rowCount how many rows {@code rows} holds
 * @param truncated whether the query found more rows than the data source's {@code max-rows}
 */
public record SqlQueryResult(List<Map<String, Object>> rows, int rowCount, boolean truncated) {}
