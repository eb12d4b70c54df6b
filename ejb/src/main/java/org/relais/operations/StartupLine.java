package org.relais.operations;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At startup, puts the server's log in the format the operators asked for ({@code
 * relais.log.format}, i.e. {@code RELAIS_LOG_FORMAT}: {@code json} for JSON lines, plain text
 * otherwise), then says in one line what runs: the version, the database, the switch and the demo
 * mode.
 */
@Singleton
@Startup
public class StartupLine {

  @Inject
  @ConfigProperty(name = "relais.log.format", defaultValue = "text")
  String logFormat;

  @Inject
  @ConfigProperty(name = "relais.switch", defaultValue = "simulated")
  String switchKind;

  @Inject
  @ConfigProperty(name = "relais.demo", defaultValue = "false")
  boolean demo;

  @Resource(lookup = "jdbc/relais")
  DataSource dataSource;

  /** The formatters replaced, given back when the application stops. */
  private final Map<Handler, Formatter> replaced = new HashMap<>();

  @PostConstruct
  void start() {
    if ("json".equalsIgnoreCase(logFormat.trim())) {
      JsonLineFormatter json = new JsonLineFormatter();
      for (Handler handler : Logger.getLogger("").getHandlers()) {
        replaced.put(handler, handler.getFormatter());
        handler.setFormatter(json);
      }
    }
    LogLine.of(
            "Relais started",
            "version",
            version(),
            "database",
            database(),
            "switch",
            switchKind,
            "demo",
            demo)
        .log();
  }

  @PreDestroy
  void stop() {
    replaced.forEach(Handler::setFormatter);
  }

  private static String version() {
    try (InputStream in = StartupLine.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The database's product, version and address, without the URL's parameters. */
  private String database() {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      return meta.getDatabaseProductName()
          + " "
          + meta.getDatabaseProductVersion()
          + " "
          + withoutParameters(meta.getURL());
    } catch (SQLException e) {
      return "unreachable (" + e.getMessage() + ")";
    }
  }

  /** A JDBC URL up to its parameters, which may carry a password. */
  static String withoutParameters(String url) {
    if (url == null) {
      return "";
    }
    int end = url.length();
    for (char separator : new char[] {'?', ';'}) {
      int at = url.indexOf(separator);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    String address = url.substring(0, end);
    // user:password@host in the URL's authority
    return address.replaceAll("//[^/@]*@", "//");
  }
}
