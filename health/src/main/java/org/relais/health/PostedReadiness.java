package org.relais.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** A readiness check of a part whose module posts how it answers ({@link ReadinessBoard}). */
abstract class PostedReadiness implements HealthCheck {

  private final String part;

  PostedReadiness(String part) {
    this.part = part;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(part).status(ReadinessBoard.answers(part)).build();
  }
}
