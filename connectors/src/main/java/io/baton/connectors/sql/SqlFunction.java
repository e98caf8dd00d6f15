package io.baton.connectors.sql;

import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.RetryLaterException;
import io.baton.connectors.TaskContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Runs one SELECT on a configured data source ({@code baton.tools.sql.<name>}) on topic {@code
 * baton.sql}: the statement must be a single plain SELECT ({@link SelectOnly}), its named
 * parameters are bound (never put into the text), and it runs in a read-only transaction that is
 * rolled back, with the source's row limit and timeout. PostgreSQL refuses any write in it; H2
 * takes {@code setReadOnly} as a hint only, so there the statement check and the rollback guard. A
 * refused statement, an unknown source or a missing parameter is an incident; a database that is
 * down or slow is retried.
 */
@Component
public class SqlFunction
    implements ConnectorFunction<SqlQueryRequest, SqlQueryResult>, AutoCloseable {

  private final SqlDataSources dataSources;

  public SqlFunction(SqlToolsProperties properties) {
    this.dataSources = new SqlDataSources(properties);
  }

  @Override
  public String topic() {
    return "baton.sql";
  }

  @Override
  public Class<SqlQueryRequest> inputType() {
    return SqlQueryRequest.class;
  }

  @Override
  public SqlQueryResult apply(SqlQueryRequest input, TaskContext context) {
    SqlToolsProperties.DataSource settings = dataSources.settings(input.dataSource());
    SelectOnly.check(input.query());
    MapSqlParameterSource parameters = parameters(input);
    String where = "sql on '" + input.dataSource() + "'";
    try (Connection connection = connect(input.dataSource(), where)) {
      try {
        readOnly(connection);
        List<Map<String, Object>> rows = query(connection, settings, input.query(), parameters);
        boolean truncated = rows.size() > settings.maxRows();
        if (truncated) {
          rows = rows.subList(0, settings.maxRows());
        }
        return new SqlQueryResult(List.copyOf(rows), rows.size(), truncated);
      } finally {
        rollback(connection);
      }
    } catch (QueryTimeoutException e) {
      throw new RetryLaterException(
          "%s: the query ran longer than %s (baton.tools.sql.%s.timeout)"
              .formatted(where, shown(settings.timeout()), input.dataSource()),
          null);
    } catch (CannotGetJdbcConnectionException
        | TransientDataAccessException
        | RecoverableDataAccessException e) {
      throw new RetryLaterException(where + ": " + cause(e), null);
    } catch (DataAccessException e) {
      throw new ConnectorIncident(where + " failed: " + cause(e), e);
    } catch (SQLException e) {
      throw new RetryLaterException(where + ": " + e.getMessage(), null);
    }
  }

  private Connection connect(String name, String where) {
    try {
      return dataSources.pool(name).getConnection();
    } catch (SQLException e) {
      throw new RetryLaterException(where + ": cannot connect: " + e.getMessage(), null);
    }
  }

  /** Read-only on every database that honours it, and a read-only transaction on PostgreSQL. */
  private static void readOnly(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    connection.setReadOnly(true);
    if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TRANSACTION READ ONLY");
      }
    }
  }

  private static List<Map<String, Object>> query(
      Connection connection,
      SqlToolsProperties.DataSource settings,
      String sql,
      MapSqlParameterSource parameters) {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    // one row more than allowed tells that there were more
    jdbc.setMaxRows(settings.maxRows() + 1);
    jdbc.setFetchSize(Math.min(settings.maxRows() + 1, 500));
    jdbc.setQueryTimeout(settings.timeoutSeconds());
    return new NamedParameterJdbcTemplate(jdbc).query(sql, parameters, new JdbcValues());
  }

  /** The values of the query's named parameters; one it names but is not given is an incident. */
  private static MapSqlParameterSource parameters(SqlQueryRequest input) {
    MapSqlParameterSource parameters = new MapSqlParameterSource(input.parameters());
    var parsed = NamedParameterUtils.parseSqlStatement(input.query());
    for (SqlParameter parameter : NamedParameterUtils.buildSqlParameterList(parsed, parameters)) {
      if (parameter.getName() != null && !parameters.hasValue(parameter.getName())) {
        throw new ConnectorIncident(
            "sql: the query names parameter :%s, but parameters has no '%s' (it has %s)"
                .formatted(parameter.getName(), parameter.getName(), input.parameters().keySet()));
      }
    }
    return parameters;
  }

  /** Nothing a query did stays; a connection that cannot roll back is dropped by its pool. */
  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // closing it hands it back to the pool, which checks it
    }
  }

  private static String shown(java.time.Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  private static String cause(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.toString() : root.getMessage();
    String line = message.strip().lines().findFirst().orElse(message);
    return line.length() <= 300 ? line : line.substring(0, 300) + "...";
  }

  @Override
  public void close() {
    dataSources.close();
  }
}
