package io.baton.connectors.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;

/**
 * Maps a row to a map of JSON-friendly values: numbers, text, booleans, ISO-8601 text for dates and
 * times, lists for arrays, Base64 text for bytes, null. Column labels are the keys, as the database
 * reports them.
 */
final class JdbcValues implements RowMapper<Map<String, Object>> {

  @Override
  public Map<String, Object> mapRow(ResultSet rows, int rowNumber) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    Map<String, Object> row = new LinkedHashMap<>();
    for (int column = 1; column <= meta.getColumnCount(); column++) {
      row.put(meta.getColumnLabel(column), value(rows, column, type(meta, column)));
    }
    return row;
  }

  /** The column's JDBC type; PostgreSQL reports timestamptz as TIMESTAMP, its name tells. */
  private static int type(ResultSetMetaData meta, int column) throws SQLException {
    int type = meta.getColumnType(column);
    String name = String.valueOf(meta.getColumnTypeName(column)).toLowerCase(java.util.Locale.ROOT);
    if (type == Types.TIMESTAMP && (name.contains("tz") || name.contains("time zone"))) {
      return Types.TIMESTAMP_WITH_TIMEZONE;
    }
    return type;
  }

  private static Object value(ResultSet rows, int column, int type) throws SQLException {
    Object value =
        switch (type) {
          case Types.DATE -> rows.getObject(column, LocalDate.class);
          case Types.TIME -> rows.getObject(column, LocalTime.class);
          case Types.TIMESTAMP -> rows.getObject(column, LocalDateTime.class);
          case Types.TIMESTAMP_WITH_TIMEZONE -> rows.getObject(column, OffsetDateTime.class);
          case Types.TIME_WITH_TIMEZONE -> rows.getObject(column, OffsetTime.class);
          default -> rows.getObject(column);
        };
    return rows.wasNull() ? null : plain(value);
  }

  static Object plain(Object value) throws SQLException {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Double
        || value instanceof BigDecimal
        || value instanceof BigInteger) {
      return value;
    }
    if (value instanceof Short || value instanceof Byte) {
      return ((Number) value).intValue();
    }
    if (value instanceof Float number) {
      return Double.valueOf(number.toString());
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toString();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof Time time) {
      return time.toLocalTime().toString();
    }
    if (value instanceof TemporalAccessor temporal) {
      return temporal.toString();
    }
    if (value instanceof Clob clob) {
      return clob.getSubString(1, (int) Math.min(clob.length(), Integer.MAX_VALUE));
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Blob blob) {
      return Base64.getEncoder()
          .encodeToString(blob.getBytes(1, (int) Math.min(blob.length(), Integer.MAX_VALUE)));
    }
    if (value instanceof Array array) {
      return list((Object[]) array.getArray());
    }
    if (value instanceof Object[] array) {
      return list(array);
    }
    return value.toString();
  }

  private static List<Object> list(Object[] array) throws SQLException {
    List<Object> values = new ArrayList<>(array.length);
    for (Object element : array) {
      values.add(plain(element));
    }
    return values;
  }
}
