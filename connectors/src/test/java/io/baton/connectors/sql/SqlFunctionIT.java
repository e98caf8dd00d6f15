package io.baton.connectors.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.RetryLaterException;
import io.baton.connectors.TaskContext;
import io.baton.support.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sql connector on a real H2 database with the embedded run's demo inventory, and on a real
 * PostgreSQL server: parameters are bound as values, rows are limited, slow queries time out, and a
 * SELECT that would write is refused by the read-only transaction.
 */
class SqlFunctionIT {

  private static final String DEMO =
      "jdbc:h2:mem:sql-function-it;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;"
          + "INIT=RUNSCRIPT FROM 'classpath:demo/inventory.sql'";

  /** The query the supply-chain-disruption process asks. */
  private static final String STOCK =
      "SELECT warehouse AS \"warehouse\", on_hand - reserved AS \"available\","
          + " reorder_lead_days AS \"leadDays\" FROM inventory WHERE sku = :sku"
          + " ORDER BY on_hand - reserved DESC";

  private static String postgres;
  private static SqlFunction sql;

  @BeforeAll
  static void databases() throws SQLException {
    postgres = EmbeddedPostgres.createDatabase("sql_function_it");
    execute(
        postgres,
        "CREATE TABLE inventory (sku text, warehouse text, on_hand int, reserved int,"
            + " checked_at timestamptz)",
        "INSERT INTO inventory VALUES ('PUMP-200', 'hamburg', 2, 2, '2026-12-01T08:15:00Z'),"
            + " ('PUMP-200', 'rotterdam', 38, 4, '2026-12-01T08:20:00Z')",
        "CREATE SEQUENCE orders",
        "CREATE FUNCTION wipe() RETURNS bigint AS 'DELETE FROM inventory RETURNING 1'"
            + " LANGUAGE sql");
    sql =
        new SqlFunction(
            new SqlToolsProperties(
                Map.of(
                    "inventory", source(DEMO, 100, Duration.ofSeconds(5)),
                    "small", source(DEMO, 2, Duration.ofSeconds(5)),
                    "slow", source(DEMO, 100, Duration.ofSeconds(1)),
                    "erp", source(postgres, 100, Duration.ofSeconds(5)))));
  }

  @AfterAll
  static void close() {
    sql.close();
  }

  private static SqlToolsProperties.DataSource source(String url, int maxRows, Duration timeout) {
    return new SqlToolsProperties.DataSource(url, null, null, maxRows, timeout);
  }

  private static void execute(String url, String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      for (String each : statements) {
        statement.execute(each);
      }
    }
  }

  private static SqlQueryResult query(String source, String query, Map<String, Object> parameters) {
    return sql.apply(new SqlQueryRequest(source, query, parameters), TaskContext.NONE);
  }

  @Test
  void should_read_the_demo_stock_of_a_sku_with_the_sku_bound() {
    SqlQueryResult result = query("inventory", STOCK, Map.of("sku", "PUMP-200"));

    assertThat(result.rows())
        .containsExactly(
            Map.of("warehouse", "rotterdam", "available", 34, "leadDays", 21),
            Map.of("warehouse", "poznan", "available", 1, "leadDays", 28),
            Map.of("warehouse", "hamburg", "available", 0, "leadDays", 21));
    assertThat(result.rowCount()).isEqualTo(3);
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void should_keep_an_injection_attempt_in_a_parameter_a_value() {
    SqlQueryResult result =
        query(
            "inventory",
            "SELECT sku FROM inventory WHERE sku = :sku",
            Map.of("sku", "PUMP-200' OR '1'='1"));

    assertThat(result.rows()).isEmpty();
    assertThat(query("inventory", "SELECT sku FROM inventory", Map.of()).rowCount()).isEqualTo(10);
  }

  @Test
  void should_fill_in_with_a_list() {
    SqlQueryResult result =
        query(
            "inventory",
            "SELECT DISTINCT sku FROM inventory WHERE sku IN (:skus) ORDER BY sku",
            Map.of("skus", List.of("PUMP-200", "MOTOR-7K5", "NOPE")));

    assertThat(result.rows())
        .extracting(row -> row.get("sku"))
        .containsExactly("MOTOR-7K5", "PUMP-200");
  }

  @Test
  void should_cut_off_rows_beyond_the_limit_and_say_so() {
    SqlQueryResult result = query("small", "SELECT sku FROM inventory ORDER BY sku", Map.of());

    assertThat(result.rowCount()).isEqualTo(2);
    assertThat(result.rows()).hasSize(2);
    assertThat(result.truncated()).isTrue();
    assertThat(query("small", "SELECT 1 AS one UNION SELECT 2", Map.of()).truncated()).isFalse();
  }

  @Test
  void should_give_json_friendly_values() {
    SqlQueryResult result =
        query(
            "inventory",
            "SELECT DATE '2026-12-01' AS d, TIMESTAMP '2026-12-01 08:15:30' AS ts,"
                + " TIMESTAMP WITH TIME ZONE '2026-12-01 08:15:30+01:00' AS tz,"
                + " TIME '08:15:00' AS t, CAST(12.50 AS DECIMAL(10, 2)) AS price,"
                + " CAST(7 AS BIGINT) AS big, CAST(3 AS SMALLINT) AS small, CAST(2.5 AS DOUBLE PRECISION) AS dbl,"
                + " TRUE AS ok, NULL AS nothing, X'CAFE' AS bytes, ARRAY[1, 2] AS arr",
            Map.of());

    Map<String, Object> row = result.rows().get(0);
    assertThat(row)
        .containsEntry("d", "2026-12-01")
        .containsEntry("ts", "2026-12-01T08:15:30")
        .containsEntry("tz", "2026-12-01T08:15:30+01:00")
        .containsEntry("t", "08:15")
        .containsEntry("price", new java.math.BigDecimal("12.50"))
        .containsEntry("big", 7L)
        .containsEntry("small", 3)
        .containsEntry("dbl", 2.5)
        .containsEntry("ok", true)
        .containsEntry("nothing", null)
        .containsEntry("bytes", "yv4=")
        .containsEntry("arr", List.of(1, 2));
  }

  @Test
  void should_name_a_missing_parameter_and_an_unknown_data_source() {
    assertThatThrownBy(() -> query("inventory", STOCK, Map.of("skus", "PUMP-200")))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessage(
            "sql: the query names parameter :sku, but parameters has no 'sku' (it has [skus])");
    assertThatThrownBy(() -> query("warehouse", STOCK, Map.of("sku", "PUMP-200")))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessage(
            "sql data source 'warehouse' is not configured: set baton.tools.sql.warehouse.url"
                + " (BATON_TOOLS_SQL_WAREHOUSE_URL)");
  }

  @Test
  void should_refuse_a_statement_that_is_not_a_single_select_before_it_reaches_the_database() {
    assertThatThrownBy(() -> query("inventory", "SELECT 1; DELETE FROM inventory", Map.of()))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessage("sql: only a single SELECT is allowed; found 2 statements");
    assertThat(query("inventory", "SELECT sku FROM inventory", Map.of()).rowCount()).isEqualTo(10);
  }

  @Test
  void should_refuse_an_unknown_table_as_an_incident() {
    assertThatThrownBy(() -> query("inventory", "SELECT * FROM stock", Map.of()))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageStartingWith("sql on 'inventory' failed: ")
        .hasMessageContaining("stock");
  }

  @Test
  void should_stop_a_query_that_runs_longer_than_the_timeout_and_retry_it() {
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                query(
                    "slow",
                    "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b"
                        + " WHERE MOD(a.\"X\" * b.\"X\", 7919) = 1",
                    Map.of()))
        .isInstanceOf(RetryLaterException.class)
        .hasMessage("sql on 'slow': the query ran longer than 1s (baton.tools.sql.slow.timeout)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void should_read_postgresql_with_bound_parameters_and_iso_timestamps() {
    SqlQueryResult result =
        query(
            "erp",
            "SELECT warehouse, on_hand - reserved AS available, checked_at"
                + " FROM inventory WHERE sku = :sku::text ORDER BY available DESC",
            Map.of("sku", "PUMP-200"));

    assertThat(result.rows()).hasSize(2);
    assertThat(result.rows().get(0))
        .containsEntry("warehouse", "rotterdam")
        .containsEntry("available", 34);
    assertThat(result.rows().get(0)).containsEntry("checked_at", "2026-12-01T08:20Z");
  }

  @Test
  void should_refuse_a_select_that_writes_through_a_function_on_postgresql() {
    assertThatThrownBy(() -> query("erp", "SELECT nextval('orders')", Map.of()))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("read-only transaction");
    assertThatThrownBy(() -> query("erp", "SELECT wipe()", Map.of()))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("read-only transaction");

    assertThat(query("erp", "SELECT count(*) AS n FROM inventory", Map.of()).rows())
        .containsExactly(Map.of("n", 2L));
  }
}
