package org.relais.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.relais.operations.LogLine;

/**
 * Says in the operators' log when Relais serves, and how long its start took from the process's own
 * start: the web module comes up last, after the engine's recovery has said what it recovered. An
 * operator compares it from restart to restart.
 */
@ApplicationScoped
public class ReadyLine {

  void ready(@Observes @Initialized(ApplicationScoped.class) ServletContext web) {
    long millis = ManagementFactory.getRuntimeMXBean().getUptime();
    LogLine.of(
            "Relais ready", "startedInSeconds", String.format(Locale.ROOT, "%.1f", millis / 1000.0))
        .log();
  }
}
