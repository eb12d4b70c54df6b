package org.relais.telephony.sim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.relais.ConflictException;
import org.relais.telephony.DialFailure;
import org.relais.telephony.MonitorMode;
import org.relais.telephony.PhoneRegistration;
import org.relais.telephony.PhoneRegistry;
import org.relais.telephony.PhoneState;
import org.relais.telephony.Softphone;
import org.relais.telephony.Switch;
import org.relais.telephony.SwitchEvents;

/**
 * The in-process switch (SPEC F1), the default: no PBX, the phones are simulated. The REST API
 * ({@code /api/v1/sim}) and the banner's softphone play the caller and the agents' phones; a phone
 * can also answer and hang up by itself after a delay, for demos and load runs.
 *
 * <p>Outbound calls (SPEC B9) ring the agent's phone first; once it answers, the customer's phone
 * (the far end) is called and behaves as its number was told: it answers, is busy or never answers,
 * after a delay, or waits for the API. A number nobody configured answers after {@link
 * #DEFAULT_FAR_END}'s delay, so that click-to-dial works out of the box in a demo. A predictive
 * call (SPEC B11) rings the far end at once, with no agent's phone: the engine bridges the agent it
 * chose when the far end answers, or drops the call.
 *
 * <p>The switch speaks to the engine through {@link SwitchEvents} only, and waits through its
 * {@link PhoneScheduler}: a test drives it with a recording of the events and a time of its own.
 */
// Typed: the active Switch and Softphone come from SwitchProducer, which picks the adapter from
// configuration.
@Typed(SimulatedSwitch.class)
@ApplicationScoped
public class SimulatedSwitch implements Switch, Softphone, PhoneRegistry {

  private static final Logger LOG = Logger.getLogger(SimulatedSwitch.class.getName());

  @Inject SwitchEvents acd;
  @Inject PhoneScheduler scheduler;
  @Inject Clock clock;

  /** A customer's phone nobody configured: it answers after two seconds. */
  public static final FarEnd DEFAULT_FAR_END =
      new FarEnd(FarEndAnswer.ANSWER, Duration.ofSeconds(2));

  private final Map<PhoneKey, SimPhone> phones = new ConcurrentHashMap<>();
  private final Map<NumberKey, FarEnd> farEnds = new ConcurrentHashMap<>();
  private final Map<Long, OutboundCall> outbound = new ConcurrentHashMap<>();

  /** The phone each call rings or is connected to. */
  private final Map<Long, SimPhone> lines = new ConcurrentHashMap<>();

  /** The supervisors' phones on each call (SPEC X2). */
  private final Map<Long, Set<SimPhone>> monitoring = new ConcurrentHashMap<>();

  /** When each running recording started, by its file. */
  private final Map<Path, Instant> recording = new ConcurrentHashMap<>();

  /** Calls a transfer sent on under another id: the caller's hang-up then names the new one. */
  private final Map<Long, Long> continued = new ConcurrentHashMap<>();

  /** An agent phone's settings: answer by itself after a delay, hang up after another. */
  public record AutoPilot(Duration answerAfter, Duration hangUpAfter) {}

  /** What a called customer's phone does. */
  public enum FarEndAnswer {
    ANSWER,
    BUSY,
    NO_ANSWER,
    /** An answering machine answers. */
    VOICEMAIL,
    /** Cannot be reached: no route, network failure. */
    FAIL,
    /** Waits for the API to answer, refuse or hang up. */
    MANUAL
  }

  /** How a customer's number behaves when called, and after how long. */
  public record FarEnd(FarEndAnswer answer, Duration after) {}

  protected SimulatedSwitch() {}

  SimulatedSwitch(SwitchEvents acd, PhoneScheduler scheduler, Clock clock) {
    this.acd = acd;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  // ------------------------------------------------------------- the caller's side

  public long placeCall(String account, String group, String caller, String ivrPath) {
    return acd.inboundCall(account, group, caller, ivrPath);
  }

  /** The caller hangs up, wherever a transfer sent its call. */
  public void callerHangsUp(String account, long callId) {
    acd.callerHungUp(account, current(callId));
  }

  /**
   * The waiting caller asks to be called back (SPEC X1), as it would with a key of its phone: it
   * leaves the line and keeps its place.
   */
  public void callerAsksForCallback(String account, long callId) {
    acd.callbackRequested(account, current(callId));
  }

  /** The call the caller is on now: the call it placed, or the one a transfer continued it as. */
  private long current(long callId) {
    long current = callId;
    for (Long next = continued.get(current); next != null; next = continued.get(current)) {
      current = next;
    }
    return current;
  }

  /** Sets how a customer's number (as the engine dials it) behaves when an agent calls it. */
  public void farEnd(String account, String number, FarEnd behaviour) {
    farEnds.put(new NumberKey(account, number), behaviour);
  }

  /**
   * The called customer picks up. A predictive call has no agent's phone yet: the engine's bridge
   * brings one.
   */
  public void customerAnswers(String account, long callId) {
    OutboundCall call = calling(account, callId);
    acd.outboundAnswered(account, callId);
    call.customerRinging = false;
    if (call.extension != null) {
      hangUpLater(account, call.extension, phone(account, call.extension), callId);
    }
  }

  /** The called customer's line is busy, or refuses the call. */
  public void customerBusy(String account, long callId) {
    calling(account, callId);
    acd.outboundFailed(account, callId, DialFailure.BUSY);
  }

  /** The called customer never picks up; the switch gives up. */
  public void customerDoesNotAnswer(String account, long callId) {
    calling(account, callId);
    acd.outboundFailed(account, callId, DialFailure.NO_ANSWER);
  }

  // ------------------------------------------------------------- the agent phone's side

  @Override
  public void answer(String account, String extension) {
    OutboundCall call = ringingOutbound(account, extension);
    if (call == null) {
      acd.answered(account, extension);
    } else {
      callCustomer(call);
    }
  }

  /** Refuses a ringing call; refusing one's own outbound call gives it up. */
  @Override
  public void reject(String account, String extension) {
    if (ringingOutbound(account, extension) == null) {
      acd.refused(account, extension);
    } else {
      acd.agentHungUp(account, extension);
    }
  }

  /** An agent's phone hangs up its call; a supervisor's phone leaves the call it joined. */
  @Override
  public void hangUp(String account, String extension) {
    SimPhone phone = phone(account, extension);
    Long joined;
    synchronized (phone) {
      joined = phone.monitoring == null ? null : phone.connected;
    }
    if (joined == null) {
      acd.agentHungUp(account, extension);
      return;
    }
    stopMonitor(account, joined, extension);
    acd.monitorLeft(account, joined, extension);
  }

  public void autoPilot(String account, String extension, AutoPilot autoPilot) {
    phone(account, extension).autoPilot = autoPilot;
  }

  /** What the phone shows: while an outbound call rings it, the number being called. */
  @Override
  public PhoneState state(String account, String extension) {
    SimPhone phone = phones.get(new PhoneKey(account, extension));
    return phone == null
        ? PhoneState.IDLE
        : new PhoneState(phone.ringing, phone.connected, phone.caller, phone.monitoring);
  }

  // ------------------------------------------------------------- the registry

  /** A simulated phone is in the process: always there, never lapsing. */
  @Override
  public PhoneRegistration registration(String account, String extension) {
    return new PhoneRegistration(extension, true, null, null);
  }

  @Override
  public boolean answers() {
    return true;
  }

  // ------------------------------------------------------------- the port

  @Override
  public void offer(String account, long callId, String caller, String extension, Duration ring) {
    ring(account, extension, callId, caller);
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
    lines.remove(callId, phone);
  }

  @Override
  public void bridge(String account, long callId, String extension) {
    SimPhone phone = phone(account, extension);
    synchronized (phone) {
      phone.ringing = null;
      phone.connected = callId;
    }
    lines.put(callId, phone);
    hangUpLater(account, extension, phone, callId);
  }

  @Override
  public void originate(
      String account, long callId, String extension, String number, String presentedNumber) {
    outbound.put(callId, new OutboundCall(callId, account, extension, number));
    ring(account, extension, callId, number);
  }

  @Override
  public void dial(String account, long callId, String number, String presentedNumber) {
    OutboundCall call = new OutboundCall(callId, account, null, number);
    outbound.put(callId, call);
    dialFarEnd(call);
  }

  /** There is no audio here: the dropped message is a line of the log. */
  @Override
  public void drop(String account, long callId) {
    LOG.fine(() -> "call " + callId + " hears the dropped message");
    hangUp(account, callId);
  }

  @Override
  public void hangUp(String account, long callId) {
    outbound.remove(callId);
    Set<SimPhone> supervisors = monitoring.remove(callId);
    if (supervisors != null) {
      supervisors.forEach(phone -> leave(phone, callId));
    }
    SimPhone phone = lines.remove(callId);
    if (phone == null) {
      return;
    }
    synchronized (phone) {
      if (Long.valueOf(callId).equals(phone.connected)
          || Long.valueOf(callId).equals(phone.ringing)) {
        phone.connected = null;
        phone.ringing = null;
        phone.caller = null;
      }
    }
  }

  /**
   * The supervisor's phone rings and, the simulated supervisor picking up at once, joins the call
   * in this mode; a phone already on the call changes mode. There is no audio to mix here: the
   * phone's state says how it listens.
   */
  @Override
  public void monitor(String account, long callId, String supervisorExtension, MonitorMode mode) {
    SimPhone phone = phone(account, supervisorExtension);
    synchronized (phone) {
      phone.ringing = null;
      phone.connected = callId;
      phone.monitoring = mode;
    }
    monitoring.computeIfAbsent(callId, id -> ConcurrentHashMap.newKeySet()).add(phone);
  }

  @Override
  public void stopMonitor(String account, long callId, String supervisorExtension) {
    SimPhone phone = phone(account, supervisorExtension);
    leave(phone, callId);
    Set<SimPhone> on = monitoring.get(callId);
    if (on != null) {
      on.remove(phone);
    }
  }

  /** The simulated caller hears nothing either way: holding changes no phone's state. */
  @Override
  public void hold(String account, long callId) {
    LOG.fine(() -> "call " + callId + " on hold");
  }

  @Override
  public void resume(String account, long callId) {
    LOG.fine(() -> "call " + callId + " off hold");
  }

  /** The consulted number rings at once: the agent's phone is already off the hook. */
  @Override
  public void consult(String account, long callId, String extension, String number) {
    OutboundCall call = new OutboundCall(callId, account, extension, number);
    outbound.put(callId, call);
    dialFarEnd(call);
  }

  /**
   * Nothing to open: a simulated phone carries any number of lines, and the consult call is offered
   * or queued as the consulting agent's own.
   */
  @Override
  public void consultLine(String account, long consultId, String extension) {}

  @Override
  public void join(String account, long callId, long consultId) {
    continued.put(callId, consultId);
    outbound.remove(consultId);
    hangUp(account, callId);
  }

  @Override
  public void transfer(String account, long callId, String number) {
    hangUp(account, callId);
  }

  @Override
  public void continueAs(String account, long callId, long newCallId) {
    continued.put(callId, newCallId);
    hangUp(account, callId);
  }

  @Override
  public void startRecording(String account, long callId, Path file) {
    recording.put(file, clock.instant());
  }

  /** Writes the recording's file: a tone of the time it ran (no call audio exists here). */
  @Override
  public void stopRecording(String account, long callId, Path file) {
    Instant started = recording.remove(file);
    if (started != null) {
      SimulatedRecording.write(file, Duration.between(started, clock.instant()));
    }
  }

  // ------------------------------------------------------------- inside

  /** The supervisor's phone is off the call, if it was still on it. */
  private static void leave(SimPhone phone, long callId) {
    synchronized (phone) {
      if (Long.valueOf(callId).equals(phone.connected)) {
        phone.connected = null;
        phone.monitoring = null;
      }
    }
  }

  /**
   * Rings the agent's phone, showing who calls: the caller of an inbound call, the customer's
   * number of an outbound one. A phone on autopilot answers it after its delay, as the agent would
   * press the button, if it still rings then.
   */
  private void ring(String account, String extension, long callId, String caller) {
    SimPhone phone = phone(account, extension);
    synchronized (phone) {
      phone.ringing = callId;
      phone.caller = caller;
    }
    lines.put(callId, phone);
    AutoPilot pilot = phone.autoPilot;
    if (pilot != null && pilot.answerAfter() != null) {
      later(
          pilot.answerAfter(),
          () -> {
            if (Long.valueOf(callId).equals(phone.ringing)) {
              answer(account, extension);
            }
          });
    }
  }

  /** The agent's phone took its own leg of an outbound call: now the customer's phone rings. */
  private void callCustomer(OutboundCall call) {
    SimPhone phone = phone(call.account, call.extension);
    long callId = call.callId;
    synchronized (phone) {
      if (!Long.valueOf(callId).equals(phone.ringing)) {
        return; // hung up meanwhile
      }
      phone.ringing = null;
      phone.connected = callId;
    }
    dialFarEnd(call);
  }

  /** The customer's phone, or a consulted number, rings and behaves as its number was told. */
  private void dialFarEnd(OutboundCall call) {
    long callId = call.callId;
    call.customerRinging = true;
    FarEnd behaviour =
        farEnds.getOrDefault(new NumberKey(call.account, call.number), DEFAULT_FAR_END);
    Runnable outcome =
        switch (behaviour.answer()) {
          case ANSWER -> () -> customerAnswers(call.account, callId);
          case BUSY -> () -> customerBusy(call.account, callId);
          case NO_ANSWER -> () -> customerDoesNotAnswer(call.account, callId);
          case VOICEMAIL -> () -> acd.outboundFailed(call.account, callId, DialFailure.VOICEMAIL);
          case FAIL -> () -> acd.outboundFailed(call.account, callId, DialFailure.FAILED);
          case MANUAL -> null;
        };
    if (outcome != null) {
      later(behaviour.after(), outcome);
    }
  }

  /** The outbound call whose customer's phone rings now; 409 otherwise. */
  private OutboundCall calling(String account, long callId) {
    OutboundCall call = outbound.get(callId);
    if (call == null || !call.account.equals(account) || !call.customerRinging) {
      throw new ConflictException("no customer's phone rings with call " + callId);
    }
    return call;
  }

  private OutboundCall ringingOutbound(String account, String extension) {
    SimPhone phone = phones.get(new PhoneKey(account, extension));
    Long ringing = phone == null ? null : phone.ringing;
    return ringing == null ? null : outbound.get(ringing);
  }

  private void hangUpLater(String account, String extension, SimPhone phone, long callId) {
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

  private SimPhone phone(String account, String extension) {
    return phones.computeIfAbsent(new PhoneKey(account, extension), k -> new SimPhone());
  }

  private void later(Duration delay, Runnable action) {
    scheduler.after(
        delay,
        () -> {
          try {
            action.run();
          } catch (RuntimeException e) {
            // The state moved on meanwhile (the caller hung up, the ring timed out): nothing to do.
            LOG.log(Level.FINE, "simulated phone action skipped", e);
          }
        });
  }

  private record PhoneKey(String account, String extension) {}

  private record NumberKey(String account, String number) {}

  /**
   * An outbound call the switch places: the agent's extension (none for a predictive call), then
   * the customer's number.
   */
  static final class OutboundCall {
    final long callId;
    final String account;
    final String extension;
    final String number;
    volatile boolean customerRinging;

    OutboundCall(long callId, String account, String extension, String number) {
      this.callId = callId;
      this.account = account;
      this.extension = extension;
      this.number = number;
    }
  }

  /** One simulated agent phone. */
  static final class SimPhone {
    volatile Long ringing;
    volatile Long connected;
    volatile String caller;
    volatile AutoPilot autoPilot;
    volatile MonitorMode monitoring;
  }
}
