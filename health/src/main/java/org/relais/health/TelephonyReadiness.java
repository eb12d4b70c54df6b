package org.relais.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/**
 * Relais is ready only while its switch's registrar answers ({@code /health/ready}): on the SIP
 * switch, Kamailio; without it no agent's phone can be rung. Back up by itself when it is.
 */
@Readiness
@ApplicationScoped
public class TelephonyReadiness extends PostedReadiness {

  /** The part's name, as the check answers it and the switch posts it. */
  public static final String PART = "telephony";

  public TelephonyReadiness() {
    super(PART);
  }
}
