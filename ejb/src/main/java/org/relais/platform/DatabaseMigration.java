package org.relais.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date before anything else touches it. The schema belongs to the
 * Flyway migrations under {@code db/migration}, which every database runs, and under {@code
 * db/vendor/<database>} ({@code postgresql}, {@code h2}), which only that database runs: an index
 * that only PostgreSQL has, say. A vendor's migration takes a sub-version of the common one it
 * follows ({@code V10_1} after {@code V10}), so that the common numbering stays one sequence.
 * EclipseLink never writes DDL.
 */
@Startup
@Singleton
public class DatabaseMigration {

  @Resource(lookup = "jdbc/relais")
  private DataSource dataSource;

  /**
   * Outside any transaction: Flyway commits each migration itself, and WildFly, unlike Payara,
   * would otherwise run this in the container's transaction, where a connection's auto-commit
   * cannot be turned on.
   */
  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void migrate() {
    Flyway.configure(getClass().getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor())
        .load()
        .migrate();
  }

  /** The database's name as the vendor folders spell it: {@code postgresql}, {@code h2}. */
  private String vendor() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    } catch (SQLException e) {
      throw new IllegalStateException("the database does not answer", e);
    }
  }
}
