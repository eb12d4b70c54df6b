package org.relais.acd;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * The engine's database in unit tests: an in-memory H2 database migrated by the application's own
 * Flyway migrations, and the application's persistence unit on EclipseLink, the server's JPA
 * provider, run without a container. One per test run; each test works in an account of its own.
 */
final class TestDatabase {

  private static final String URL = "jdbc:h2:mem:engine;MODE=LEGACY;DB_CLOSE_DELAY=-1";

  private static EntityManagerFactory factory;

  private TestDatabase() {}

  static synchronized EntityManagerFactory factory() {
    if (factory == null) {
      Flyway.configure()
          .dataSource(URL, "sa", "")
          .locations("classpath:db/migration")
          .load()
          .migrate();
      factory =
          Persistence.createEntityManagerFactory(
              "relais",
              Map.of(
                  "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                  "jakarta.persistence.jtaDataSource", "",
                  "jakarta.persistence.jdbc.driver", "org.h2.Driver",
                  "jakarta.persistence.jdbc.url", URL,
                  "jakarta.persistence.jdbc.user", "sa",
                  "jakarta.persistence.jdbc.password", "",
                  "eclipselink.weaving", "false",
                  // Without an agent there is no weaving, so lazy relations are read eagerly:
                  // the engine reads the same rows, and the warning says nothing more.
                  "eclipselink.logging.level", "SEVERE"));
    }
    return factory;
  }
}
