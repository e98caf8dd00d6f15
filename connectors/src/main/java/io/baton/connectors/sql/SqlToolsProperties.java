package io.baton.connectors.sql;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The databases the {@code sql} connector may read, {@code baton.tools.sql.<name>.*}. A diagram
 * names a data source; where it is and who logs in is configuration, set from the environment
 * ({@code BATON_TOOLS_SQL_INVENTORY_PASSWORD}), never from a diagram or a variable.
 */
@ConfigurationProperties("baton.tools")
@Validated
public record SqlToolsProperties(@DefaultValue Map<String, @Valid DataSource> sql) {

  public SqlToolsProperties {
    sql = Map.copyOf(sql);
  }

  /**
   * One data source. Give it a database user that may only read: the connector runs single SELECTs
   * in read-only transactions, and the database's own rights are the last guard.
   *
   * @param url its JDBC URL, such as {@code jdbc:postgresql://db:5432/erp}
   * @param username the database user
   * @param password the user's password
   * @param maxRows the most rows a query returns; more are cut off and {@code truncated} is set
   * @param timeout how long a query may run
   */
  public record DataSource(
      @NotBlank String url,
      String username,
      String password,
      @Positive @Max(10_000) @DefaultValue("100") int maxRows,
      @NotNull @DefaultValue("5s") Duration timeout) {

    public DataSource {
      if (timeout != null && timeout.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(
            "timeout must be at least 1s (JDBC counts whole seconds), it is " + timeout);
      }
    }

    /** Whole seconds for {@code Statement.setQueryTimeout}, rounded up. */
    int timeoutSeconds() {
      return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    }

    @Override
    public String toString() {
      return "DataSource[url=%s, username=%s, password=%s, maxRows=%d, timeout=%s]"
          .formatted(url, username, password == null ? "unset" : "***", maxRows, timeout);
    }
  }

  /** The environment variable of a source's setting: BATON_TOOLS_SQL_INVENTORY_URL. */
  static String variable(String source, String setting) {
    return ("BATON_TOOLS_SQL_" + source + "_" + setting).toUpperCase().replaceAll("[^A-Z0-9]", "_");
  }
}
