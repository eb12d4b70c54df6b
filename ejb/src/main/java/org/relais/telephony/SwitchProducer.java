package org.relais.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.health.MediaReadiness;
import org.relais.health.ReadinessBoard;
import org.relais.health.TelephonyReadiness;
import org.relais.telephony.sim.SimulatedSwitch;
import org.relais.telephony.sip.KamailioRegistry;
import org.relais.telephony.sip.SipSwitch;

/**
 * Chooses the telephony adapter from configuration ({@code relais.switch}): {@code simulated}, the
 * default, or {@code sip}. The adapter may also give the banner a {@link Softphone}; one whose
 * phones are real devices gives none.
 */
@ApplicationScoped
public class SwitchProducer {

  @Inject
  @ConfigProperty(name = "relais.switch", defaultValue = "simulated")
  String kind;

  @Inject SimulatedSwitch simulated;
  @Inject SipSwitch sip;
  @Inject KamailioRegistry registrations;

  /**
   * A SIP switch listens from the start: trunks call before the engine commands anything. The
   * readiness checks are told from then on how to ask the chosen adapter's registrar and media
   * relay.
   */
  void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
    if (isSip()) {
      sip.start();
    }
    PhoneRegistry phones = registry();
    ReadinessBoard.post(TelephonyReadiness.PART, phones::answers);
    ReadinessBoard.post(MediaReadiness.PART, () -> !isSip() || sip.mediaAnswers());
  }

  @Produces
  @ApplicationScoped
  Switch activeSwitch() {
    if (isSimulated()) {
      return simulated;
    }
    if (isSip()) {
      return sip;
    }
    throw new IllegalStateException(
        "unknown relais.switch '" + kind + "': use 'simulated' or 'sip'");
  }

  /** The SIP switch's phones register at Kamailio; the simulated ones are always there. */
  @Produces
  @ApplicationScoped
  PhoneRegistry registry() {
    return isSip() ? registrations : simulated;
  }

  @Produces
  @Dependent
  Optional<Softphone> softphone() {
    return isSimulated() ? Optional.of(simulated) : Optional.empty();
  }

  /** The adapter's name, as {@code relais.switch} gives it. */
  public String kind() {
    return kind;
  }

  public boolean isSimulated() {
    return "simulated".equals(kind);
  }

  public boolean isSip() {
    return "sip".equals(kind);
  }
}
