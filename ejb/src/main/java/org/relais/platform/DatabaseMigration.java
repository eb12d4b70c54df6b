package org.relais.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date before anything else touches it. The schema belongs to the
 * Flyway migrations under {@code db/migration}; EclipseLink never writes DDL.
 */
@Startup
@Singleton
public class DatabaseMigration {

  @Resource(lookup = "jdbc/relais")
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    Flyway.configure(getClass().getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}
