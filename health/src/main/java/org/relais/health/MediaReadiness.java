package org.relais.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/**
 * Relais is ready only while its calls' media relay answers ({@code /health/ready}): on the SIP
 * switch, rtpengine where it anchors the media; without it a new caller is answered 503. Back up by
 * itself when it is. The simulated switch has no media to relay.
 */
@Readiness
@ApplicationScoped
public class MediaReadiness extends PostedReadiness {

  /** The part's name, as the check answers it and the switch posts it. */
  public static final String PART = "media";

  public MediaReadiness() {
    super(PART);
  }
}
