package org.relais.telephony.sim;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.relais.telephony.Switch;
import org.relais.telephony.SwitchEvents;

/**
 * The in-process switch (SPEC F1), the default: no PBX, the phones are simulated. The REST API
 * ({@code /api/v1/sim}) and the banner's softphone play the caller and the agents' phones; a phone
 * can also answer and hang up by itself after a delay, for demos and load runs.
 */
// Typed: the active Switch comes from SwitchProducer, which picks the adapter from configuration.
@Typed(SimulatedSwitch.class)
@ApplicationScoped
public class SimulatedSwitch implements Switch {

  private static final Logger LOG = Logger.getLogger(SimulatedSwitch.class.getName());

  @Inject SwitchEvents acd;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<PhoneKey, SimPhone> phones = new ConcurrentHashMap<>();

  /** An agent phone's settings: answer by itself after a delay, hang up after another. */
  public record AutoPilot(Duration answerAfter, Duration hangUpAfter) {}

  /** What a simulated phone shows: the call ringing or connected, and who calls. */
  public record PhoneState(Long ringingCallId, Long connectedCallId, String caller) {}

  // ------------------------------------------------------------- the caller's side

  public long placeCall(String account, String group, String caller, String ivrPath) {
    return acd.inboundCall(account, group, caller, ivrPath);
  }

  public void callerHangsUp(String account, long callId) {
    acd.callerHungUp(account, callId);
  }

  // ------------------------------------------------------------- the agent phone's side

  public void answer(String account, String extension) {
    acd.answered(account, extension);
  }

  public void reject(String account, String extension) {
    acd.refused(account, extension);
  }

  public void hangUp(String account, String extension) {
    acd.agentHungUp(account, extension);
  }

  public void autoPilot(String account, String extension, AutoPilot autoPilot) {
    phone(account, extension).autoPilot = autoPilot;
  }

  public PhoneState state(String account, String extension) {
    SimPhone phone = phones.get(new PhoneKey(account, extension));
    return phone == null
        ? new PhoneState(null, null, null)
        : new PhoneState(phone.ringing, phone.connected, phone.caller);
  }

  // ------------------------------------------------------------- the port

  @Override
  public void offer(String account, long callId, String caller, String extension, Duration ring) {
    SimPhone phone = phone(account, extension);
    synchronized (phone) {
      phone.ringing = callId;
      phone.caller = caller;
    }
    AutoPilot pilot = phone.autoPilot;
    if (pilot != null && pilot.answerAfter() != null) {
      later(
          pilot.answerAfter(),
          () -> {
            if (Long.valueOf(callId).equals(phone.ringing)) {
              acd.answered(account, extension);
            }
          });
    }
  }

  @Override
  public void cancelOffer(String account, long callId, String extension) {
    SimPhone phone = phone(account, extension);
    synchronized (phone) {
      if (Long.valueOf(callId).equals(phone.ringing)) {
        phone.ringing = null;
        phone.caller = null;
      }
    }
  }

  @Override
  public void bridge(String account, long callId, String extension) {
    SimPhone phone = phone(account, extension);
    synchronized (phone) {
      phone.ringing = null;
      phone.connected = callId;
    }
    AutoPilot pilot = phone.autoPilot;
    if (pilot != null && pilot.hangUpAfter() != null) {
      later(
          pilot.hangUpAfter(),
          () -> {
            if (Long.valueOf(callId).equals(phone.connected)) {
              acd.agentHungUp(account, extension);
            }
          });
    }
  }

  @Override
  public void hangUp(String account, long callId) {
    for (Map.Entry<PhoneKey, SimPhone> entry : phones.entrySet()) {
      if (!entry.getKey().account().equals(account)) {
        continue;
      }
      SimPhone phone = entry.getValue();
      synchronized (phone) {
        if (Long.valueOf(callId).equals(phone.connected)) {
          phone.connected = null;
          phone.caller = null;
        }
      }
    }
  }

  // ------------------------------------------------------------- inside

  private SimPhone phone(String account, String extension) {
    return phones.computeIfAbsent(new PhoneKey(account, extension), k -> new SimPhone());
  }

  private void later(Duration delay, Runnable action) {
    scheduler.schedule(
        () -> {
          try {
            action.run();
          } catch (RuntimeException e) {
            // The state moved on meanwhile (the caller hung up, the ring timed out): nothing to do.
            LOG.log(Level.FINE, "simulated phone action skipped", e);
          }
        },
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private record PhoneKey(String account, String extension) {}

  /** One simulated agent phone. */
  static final class SimPhone {
    volatile Long ringing;
    volatile Long connected;
    volatile String caller;
    volatile AutoPilot autoPilot;
  }
}
