package io.baton.support;

import io.baton.audit.CaseTrail;
import io.baton.rows.LockedRow;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Baton's tables migrated by Flyway as the application does, without an engine: for tests of one
 * ledger against H2 and PostgreSQL. The case trail reads a case's business key from the engine's
 * history, so the one history table it reads is created here, with the columns it reads.
 */
public final class CaseTrailOnBareDatabase {

  private CaseTrailOnBareDatabase() {}

  public static JdbcTemplate migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute(
        "CREATE TABLE IF NOT EXISTS ACT_HI_PROCINST (PROC_INST_ID_ VARCHAR(64),"
            + " ROOT_PROC_INST_ID_ VARCHAR(64), BUSINESS_KEY_ VARCHAR(255),"
            + " PROC_DEF_KEY_ VARCHAR(255))");
    return jdbc;
  }

  public static CaseTrail caseTrail(DataSource dataSource, JdbcTemplate jdbc) {
    return new CaseTrail(jdbc, new LockedRow(new DataSourceTransactionManager(dataSource)));
  }
}
