package io.baton.connectors.sql;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.baton.connectors.ConnectorIncident;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sql connector's statement check: a single plain SELECT passes, anything else says why not.
 */
class SelectOnlyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1",
        "select * from inventory",
        "SELECT warehouse AS \"warehouse\", on_hand - reserved AS \"available\" FROM inventory"
            + " WHERE sku = :sku ORDER BY on_hand - reserved DESC",
        "SELECT sku, SUM(on_hand) FROM inventory WHERE sku IN (:skus) GROUP BY sku HAVING"
            + " SUM(on_hand) > :min",
        "SELECT i.sku, w.city FROM inventory i JOIN warehouses w ON w.id = i.warehouse"
            + " LEFT JOIN orders o ON o.sku = i.sku WHERE o.id IS NULL",
        "SELECT * FROM inventory WHERE on_hand < (SELECT AVG(on_hand) FROM inventory)",
        "SELECT * FROM inventory i WHERE EXISTS (SELECT 1 FROM orders o WHERE o.sku = i.sku)",
        "WITH low AS (SELECT sku FROM inventory WHERE on_hand < 5) SELECT * FROM low",
        "SELECT sku FROM inventory UNION SELECT sku FROM orders",
        "SELECT sku, RANK() OVER (PARTITION BY warehouse ORDER BY on_hand DESC) FROM inventory",
        "SELECT CASE WHEN on_hand > 0 THEN 'yes' ELSE 'no' END FROM inventory LIMIT 10 OFFSET 5",
        "SELECT created_at::date, name ILIKE :pattern FROM items FETCH FIRST 5 ROWS ONLY",
        "SELECT 1; ",
        "-- stock\nSELECT 1 /* ; DELETE FROM t */",
        "SELECT 'a; DELETE FROM t' AS text",
      })
  void should_let_a_single_select_pass(String sql) {
    assertThatCode(() -> SelectOnly.check(sql)).doesNotThrowAnyException();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        arguments("DELETE FROM inventory", "found DELETE"),
        arguments("UPDATE inventory SET on_hand = 0", "found UPDATE"),
        arguments("INSERT INTO inventory (sku) VALUES ('x')", "found INSERT"),
        arguments("DROP TABLE inventory", "found DROP"),
        arguments("TRUNCATE TABLE inventory", "found TRUNCATE"),
        arguments("CREATE TABLE t (id INT)", "found CREATE TABLE"),
        arguments("GRANT SELECT ON inventory TO public", "found GRANT"),
        arguments("MERGE INTO t USING s ON (t.id = s.id) WHEN MATCHED THEN DELETE", "found MERGE"),
        arguments("SELECT 1; DELETE FROM inventory", "found 2 statements"),
        arguments("SELECT 1; SELECT 2", "found 2 statements"),
        arguments("SELECT 1 /* a comment */; DELETE FROM t", "found 2 statements"),
        arguments("SELECT 1 -- a comment\n; DELETE FROM t", "found 2 statements"),
        arguments("SELECT * INTO backup FROM inventory", "found SELECT ... INTO"),
        arguments("SELECT * FROM inventory FOR UPDATE", "found FOR UPDATE"),
        arguments("SELECT * FROM inventory FOR SHARE", "found FOR SHARE"),
        arguments(
            "SELECT * FROM inventory WHERE sku IN (SELECT sku FROM t FOR UPDATE)",
            "found FOR UPDATE"),
        arguments(
            "WITH d AS (DELETE FROM inventory RETURNING *) SELECT * FROM d",
            "found DELETE in WITH d"),
        arguments(
            "WITH u AS (UPDATE inventory SET on_hand = 0 RETURNING *) SELECT * FROM u",
            "found UPDATE in WITH u"),
        arguments(
            "WITH i AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM i",
            "found INSERT in WITH i"),
        arguments("SELECT sku FROM a UNION (SELECT sku INTO x FROM b)", "found SELECT ... INTO"),
        arguments("", "found 0 statements"),
        arguments("SELEC * FROM inventory", "the query does not parse"),
        arguments("SELECT * FROM", "the query does not parse"));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void should_refuse_anything_else_and_say_why(String sql, String why) {
    assertThatThrownBy(() -> SelectOnly.check(sql))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageStartingWith("sql: only a single SELECT is allowed; ")
        .hasMessageContaining(why);
  }
}
