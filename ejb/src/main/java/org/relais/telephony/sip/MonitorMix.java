package org.relais.telephony.sip;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.relais.telephony.MonitorMode;
import org.relais.telephony.sip.MixMinus.Seat;
import org.relais.telephony.sip.MixMinus.Voice;

/**
 * The audio of a call that supervisors' phones joined (SPEC X2), mixed by Relais: rtpengine cannot
 * mix (10.5), so while a supervisor is on the call, the agent's side of the call's media goes
 * through here. rtpengine sends the caller's audio to {@link #caller()} and takes the agent's from
 * there; the agent's phone and each supervisor's phone send theirs to a port of their own. Every
 * twenty milliseconds, each party is sent what it may hear ({@link MixMinus}).
 */
final class MonitorMix implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(MonitorMix.class.getName());

  private static final long TICK_MILLIS = 20;

  private final String address;
  private final RtpLeg caller;
  private final RtpLeg agent;
  private final Map<RtpLeg, MonitorMode> supervisors = new LinkedHashMap<>();
  private final ScheduledFuture<?> ticking;

  /**
   * Opens the caller's and the agent's ports on this side's {@code address}, both in {@code coding}
   * (the one the call speaks), and starts mixing on {@code clock}.
   */
  MonitorMix(String address, G711 coding, ScheduledExecutorService clock) throws IOException {
    this.address = address;
    caller = new RtpLeg(address, coding);
    try {
      agent = new RtpLeg(address, coding);
    } catch (IOException e) {
      caller.close();
      throw e;
    }
    // Each of the two hears the sequel of what it heard before: the other's stream.
    caller.continuing(agent);
    agent.continuing(caller);
    ticking =
        clock.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** The port facing rtpengine, as the agent's side of the call. */
  RtpLeg caller() {
    return caller;
  }

  /** The port facing the agent's phone. */
  RtpLeg agent() {
    return agent;
  }

  /** A port for one more supervisor's phone, on the call in {@code mode}. */
  synchronized RtpLeg join(MonitorMode mode) throws IOException {
    RtpLeg supervisor = new RtpLeg(address, caller.coding());
    supervisors.put(supervisor, mode);
    return supervisor;
  }

  synchronized void change(RtpLeg supervisor, MonitorMode mode) {
    supervisors.replace(supervisor, mode);
  }

  synchronized void leave(RtpLeg supervisor) {
    supervisors.remove(supervisor);
    supervisor.close();
  }

  private synchronized void tick() {
    try {
      int parties = 2 + supervisors.size();
      List<RtpLeg> legs = new ArrayList<>(parties);
      List<Voice> voices = new ArrayList<>(parties);
      legs.add(caller);
      voices.add(Voice.of(Seat.CALLER, said(caller)));
      legs.add(agent);
      voices.add(Voice.of(Seat.AGENT, said(agent)));
      for (Map.Entry<RtpLeg, MonitorMode> supervisor : supervisors.entrySet()) {
        legs.add(supervisor.getKey());
        voices.add(new Voice(Seat.SUPERVISOR, supervisor.getValue(), said(supervisor.getKey())));
      }
      for (int i = 0; i < legs.size(); i++) {
        legs.get(i).send(MixMinus.heardBy(i, voices));
      }
    } catch (IOException | RuntimeException e) {
      // One frame lost; the next tick tries again (a tick that throws would end the schedule).
      LOG.log(Level.FINE, "a frame of a monitored call's audio was lost", e);
    }
  }

  private static short[] said(RtpLeg leg) throws IOException {
    leg.receive();
    return leg.frame();
  }

  /** Stops mixing and closes every port. */
  @Override
  public synchronized void close() {
    ticking.cancel(false);
    caller.close();
    agent.close();
    supervisors.keySet().forEach(RtpLeg::close);
    supervisors.clear();
  }
}
