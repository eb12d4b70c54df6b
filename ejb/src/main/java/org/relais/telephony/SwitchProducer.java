package org.relais.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.telephony.sim.SimulatedSwitch;

/**
 * Chooses the telephony adapter from configuration ({@code relais.switch}): {@code simulated}, the
 * default and the only adapter so far. The adapter may also give the banner a {@link Softphone};
 * one whose phones are real devices gives none.
 */
@ApplicationScoped
public class SwitchProducer {

  @Inject
  @ConfigProperty(name = "relais.switch", defaultValue = "simulated")
  String kind;

  @Inject SimulatedSwitch simulated;

  @Produces
  @ApplicationScoped
  Switch activeSwitch() {
    if (!isSimulated()) {
      throw new IllegalStateException("unknown relais.switch '" + kind + "': use 'simulated'");
    }
    return simulated;
  }

  @Produces
  @Dependent
  Optional<Softphone> softphone() {
    return isSimulated() ? Optional.of(simulated) : Optional.empty();
  }

  public boolean isSimulated() {
    return "simulated".equals(kind);
  }
}
