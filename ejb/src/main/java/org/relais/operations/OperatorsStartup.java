package org.relais.operations;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * What the operators get at startup, once the schema is migrated and the engine has recovered: the
 * gauges of the floor as the database holds it.
 */
@Singleton
@Startup
@DependsOn("Acd")
public class OperatorsStartup {

  @Inject FloorGauges gauges;

  @PostConstruct
  void start() {
    gauges.watchFloor();
  }
}
