package org.relais.telephony.sip;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The SIP switch's figures on {@code /metrics}: {@code relais_sip_malformed_messages_total}, the
 * messages the switch refused as malformed ({@link MalformedMessages}).
 *
 * <p>A server without MicroProfile Metrics (WildFly) has no bean of this class: the switch takes it
 * as an {@code Instance} and counts nothing then.
 */
@ApplicationScoped
public class SipMeters {

  private static final Metadata MALFORMED =
      Metadata.builder()
          .withName("relais_sip_malformed_messages")
          .withDescription("SIP messages refused as malformed: answered 400, or dropped")
          .build();

  @Inject MetricRegistry registry;

  void malformed() {
    registry.counter(MALFORMED).inc();
  }
}
