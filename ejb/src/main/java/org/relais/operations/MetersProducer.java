package org.relais.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The {@link Meters} of the server Relais runs on: MicroProfile Metrics where there is (Payara),
 * else Micrometer (WildFly with its {@code micrometer} subsystem), else none. A server lacks the
 * classes of the one it does not have, so the other's bean is not made at all.
 */
@ApplicationScoped
public class MetersProducer {

  private static final Logger LOG = Logger.getLogger(MetersProducer.class.getName());

  @Inject Instance<MicroProfileMeters> microProfile;
  @Inject Instance<MicrometerMeters> micrometer;

  @Produces
  @ApplicationScoped
  Meters meters() {
    if (microProfile.isResolvable()) {
      return microProfile.get();
    }
    if (micrometer.isResolvable()) {
      return micrometer.get();
    }
    LOG.info("no metrics on this server (neither MicroProfile Metrics nor Micrometer): none kept");
    return Meters.NONE;
  }
}
