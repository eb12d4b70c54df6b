package org.relais.operations;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * What the operators get at startup, once the schema is migrated and the engine has recovered: the
 * gauges of the floor as the database holds it.
 */
@Singleton
@Startup
@DependsOn("Acd")
public class OperatorsStartup {

  /** None where the server has no MicroProfile Metrics (WildFly). */
  @Inject Instance<FloorGauges> gauges;

  @PostConstruct
  void start() {
    if (gauges.isResolvable()) {
      gauges.get().watchFloor();
    }
  }
}
