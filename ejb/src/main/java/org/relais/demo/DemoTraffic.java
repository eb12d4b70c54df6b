package org.relais.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.account.AccountService;
import org.relais.group.GroupService;
import org.relais.group.QueueGroup;
import org.relais.telephony.SwitchProducer;
import org.relais.telephony.sim.SimulatedSwitch;

/**
 * Feeds the demo account's groups with random callers ({@code RELAIS_DEMO_TRAFFIC=<calls per
 * minute>}, off by default) so that a newcomer sees the banner live. Only with the simulated
 * switch. The callers wait until an agent answers or the queue is abandoned through the API.
 */
@Startup
@Singleton
@DependsOn({"DemoData", "Acd"})
public class DemoTraffic {

  private static final Logger LOG = Logger.getLogger(DemoTraffic.class.getName());
  private static final String[] IVR_PATHS = {"1", "2", "12", "GDA", "31"};

  @Inject
  @ConfigProperty(name = "relais.demo.traffic", defaultValue = "0")
  int callsPerMinute;

  @Inject AccountService accounts;
  @Inject GroupService groups;
  @Inject SwitchProducer switches;
  @Inject SimulatedSwitch sim;

  @Resource TimerService timers;

  private final Random random = new Random();

  @PostConstruct
  void start() {
    if (callsPerMinute <= 0 || !switches.isSimulated()) {
      return;
    }
    long every = Math.max(100, 60_000L / callsPerMinute);
    timers.createIntervalTimer(every, every, new TimerConfig("demo traffic", false));
    LOG.info("Demo traffic: " + callsPerMinute + " calls per minute");
  }

  @Timeout
  void placeCall() {
    accounts
        .byName(DemoData.ACCOUNT)
        .ifPresent(
            demo -> {
              List<QueueGroup> all = groups.list(demo);
              if (all.isEmpty()) {
                return;
              }
              QueueGroup group = all.get(random.nextInt(all.size()));
              String caller = String.format("06%08d", random.nextInt(100_000_000));
              try {
                sim.placeCall(
                    demo.getName(),
                    group.getName(),
                    caller,
                    IVR_PATHS[random.nextInt(IVR_PATHS.length)]);
              } catch (RuntimeException e) {
                LOG.log(Level.FINE, "demo call not placed", e);
              }
            });
  }
}
