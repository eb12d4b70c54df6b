package org.relais.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.relais.telephony.SwitchProducer;
import org.relais.telephony.sip.SipSwitch;

/**
 * Relais is ready only while its calls' media relay answers ({@code /health/ready}): on the SIP
 * switch, rtpengine where it anchors the media; without it a new caller is answered 503. Back up by
 * itself when it is. The simulated switch has no media to relay.
 */
@Readiness
@ApplicationScoped
public class MediaReadiness implements HealthCheck {

  @Inject SwitchProducer switches;
  @Inject SipSwitch sip;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("media")
        .status(!switches.isSip() || sip.mediaAnswers())
        .build();
  }
}
