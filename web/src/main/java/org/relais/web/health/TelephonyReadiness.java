package org.relais.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.relais.telephony.PhoneRegistry;

/**
 * Relais is ready only while its switch's registrar answers ({@code /health/ready}): on the SIP
 * switch, Kamailio; without it no agent's phone can be rung. Back up by itself when it is.
 */
@Readiness
@ApplicationScoped
public class TelephonyReadiness implements HealthCheck {

  @Inject PhoneRegistry registry;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("telephony").status(registry.answers()).build();
  }
}
