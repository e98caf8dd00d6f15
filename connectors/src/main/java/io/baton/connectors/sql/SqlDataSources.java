package io.baton.connectors.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.baton.connectors.ConnectorIncident;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One small connection pool per configured data source, made when a task first reads from it (so a
 * database that is down does not stop the application), closed with the application. The pools are
 * not Spring beans: they must never stand in for the engine's own database.
 */
final class SqlDataSources implements AutoCloseable {

  private final Map<String, SqlToolsProperties.DataSource> settings;
  private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

  SqlDataSources(SqlToolsProperties properties) {
    this.settings = properties.sql();
  }

  /**
   * @throws ConnectorIncident naming the setting when the data source is not configured
   */
  SqlToolsProperties.DataSource settings(String name) {
    SqlToolsProperties.DataSource source = settings.get(name);
    if (source == null) {
      throw new ConnectorIncident(
          "sql data source '%s' is not configured: set baton.tools.sql.%s.url (%s)"
              .formatted(name, name, SqlToolsProperties.variable(name, "url")));
    }
    return source;
  }

  javax.sql.DataSource pool(String name) {
    SqlToolsProperties.DataSource source = settings(name);
    return pools.computeIfAbsent(name, n -> create(n, source));
  }

  private static HikariDataSource create(String name, SqlToolsProperties.DataSource source) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("baton-sql-" + name);
    config.setJdbcUrl(source.url());
    config.setUsername(source.username());
    config.setPassword(source.password());
    config.setReadOnly(true);
    config.setAutoCommit(false);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    // the query's timeout bounds the query; a first connection on a busy host may take longer
    config.setConnectionTimeout(Math.max(10_000, source.timeout().toMillis()));
    // connect on first use, not now: a database that is down fails the task, not the start
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  @Override
  public void close() {
    pools.values().forEach(HikariDataSource::close);
    pools.clear();
  }
}
