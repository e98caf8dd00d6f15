package io.baton.connectors.sql;

import io.baton.connectors.ConnectorIncident;
import java.util.Locale;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.ParenthesedStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The statement check of the {@code sql} connector: exactly one plain SELECT, parsed with
 * JSqlParser, and nothing in it that writes or locks: no {@code SELECT ... INTO}, no {@code FOR
 * UPDATE}/{@code SHARE}, no data-modifying {@code WITH}. It is the first of three guards; the
 * read-only transaction and the database user's rights are the others.
 */
final class SelectOnly {

  private static final String ONLY = "sql: only a single SELECT is allowed";

  private SelectOnly() {}

  /**
   * @throws ConnectorIncident saying why the text is not a single plain SELECT
   */
  static void check(String sql) {
    Statements statements;
    try {
      statements = CCJSqlParserUtil.parseStatements(sql);
    } catch (JSQLParserException | RuntimeException e) {
      throw new ConnectorIncident(
          ONLY + "; the query does not parse: " + firstLine(e.getMessage()), e);
    }
    if (statements == null || statements.size() != 1) {
      throw new ConnectorIncident(
          ONLY + "; found " + (statements == null ? 0 : statements.size()) + " statements");
    }
    Statement statement = statements.get(0);
    if (!(statement instanceof Select select)) {
      throw new ConnectorIncident(ONLY + "; found " + kind(statement));
    }
    Walker walker = new Walker();
    try {
      walker.getTables((Statement) select);
    } catch (UnsupportedOperationException e) {
      throw new ConnectorIncident(ONLY + "; cannot check this SELECT: " + e.getMessage(), e);
    }
    if (walker.refusal != null) {
      throw new ConnectorIncident(ONLY + "; found " + walker.refusal);
    }
  }

  /** DELETE for a Delete, CREATE TABLE for a CreateTable, as a reader would say it. */
  private static String kind(Statement statement) {
    String words = statement.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2");
    return words.toUpperCase(Locale.ROOT);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    String line = message.strip().lines().findFirst().orElse(message);
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }

  /**
   * Walks every part of the SELECT (sub-selects, WITH items, set operations) and notes a refusal.
   */
  private static final class Walker extends TablesNamesFinder<Void> {

    private String refusal;

    private void check(Select select) {
      if (select.getForMode() != null) {
        refuse("FOR " + select.getForMode().getValue() + " (a SELECT that locks rows)");
      }
      if (select.getWithItemsList() != null) {
        select.getWithItemsList().forEach(this::checkWith);
      }
    }

    /** A WITH item holds a SELECT, or in PostgreSQL also a DELETE, UPDATE or INSERT. */
    private void checkWith(WithItem<?> item) {
      ParenthesedStatement statement = item.getParenthesedStatement();
      if (statement instanceof ParenthesedDelete) {
        refuse("DELETE in WITH " + item.getAliasName());
      } else if (statement instanceof ParenthesedUpdate) {
        refuse("UPDATE in WITH " + item.getAliasName());
      } else if (statement instanceof ParenthesedInsert) {
        refuse("INSERT in WITH " + item.getAliasName());
      } else if (!(statement instanceof ParenthesedSelect)) {
        refuse("WITH " + item.getAliasName() + " that is no SELECT");
      }
    }

    private void refuse(String what) {
      if (refusal == null) {
        refusal = what;
      }
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
      check(select);
      if (select.getIntoTables() != null && !select.getIntoTables().isEmpty()
          || select.getIntoTempTable() != null) {
        refuse("SELECT ... INTO (a SELECT that writes a table)");
      }
      return super.visit(select, context);
    }

    @Override
    public <S> Void visit(SetOperationList select, S context) {
      check(select);
      return super.visit(select, context);
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
      check(select);
      return super.visit(select, context);
    }

    @Override
    public <S> Void visit(WithItem<?> item, S context) {
      checkWith(item);
      return item.getParenthesedStatement() instanceof ParenthesedSelect
          ? super.visit(item, context)
          : null;
    }

    @Override
    public <S> Void visit(Delete delete, S context) {
      refuse("DELETE");
      return null;
    }

    @Override
    public <S> Void visit(Update update, S context) {
      refuse("UPDATE");
      return null;
    }

    @Override
    public <S> Void visit(Insert insert, S context) {
      refuse("INSERT");
      return null;
    }

    @Override
    public <S> Void visit(Merge merge, S context) {
      refuse("MERGE");
      return null;
    }

    @Override
    public <S> Void visit(Upsert upsert, S context) {
      refuse("UPSERT");
      return null;
    }
  }
}
