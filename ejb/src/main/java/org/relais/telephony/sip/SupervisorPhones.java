package org.relais.telephony.sip;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.TransactionState;
import javax.sip.message.Response;
import org.relais.telephony.MonitorMode;

/**
 * The supervisors' phones on one call (SPEC X2), a trunk's or an agent's own, and the {@link
 * MonitorMix} that carries the agent's side of the call's media while any is on it. The first
 * supervisor puts the mix there: rtpengine is told that the agent's side is now at a port of the
 * mix, and the agent's phone is offered another (a re-INVITE); each supervisor's phone is rung with
 * a port of its own (G.711 µ-law or A-law), shown the agent's extension. The last to leave puts the
 * agent's phone back on rtpengine.
 *
 * <p>Whenever a phone leaves otherwise than by the engine's word (it hangs up, refuses, never
 * answers; the agent's phone leaves the talk, or the call ends), the engine is told ({@code left}),
 * so that its monitoring ends with it.
 *
 * <p>It locks on the call it belongs to, so that the engine's orders, the SIP stack's answers and
 * the call's own changes to its talk take turns.
 */
final class SupervisorPhones {

  private static final Logger LOG = Logger.getLogger(SupervisorPhones.class.getName());

  /** The talk the supervisors join: the agent's phone, and its side of the call's media. */
  interface Talk {

    /** Whether the agent's phone and the other party talk now, their media through rtpengine. */
    boolean talking();

    /** The agent's phone's extension. */
    String agentExtension();

    /** The agent's phone's own media (its answer's SDP). */
    byte[] agentSdp();

    /**
     * Tells rtpengine that the agent's side of the call's media is now at {@code sdp} (the mix's
     * port, or the phone's again), the other party's ports kept.
     *
     * @return rtpengine's media for that side: where the agent's audio is to go
     */
    byte[] anchorAgentSide(byte[] sdp);

    /** Offers the agent's phone {@code sdp} (a re-INVITE, under its session's own origin). */
    void reofferAgentPhone(byte[] sdp) throws Exception;
  }

  /** The call that supervisors' phones join, as the logs and the engine name it. */
  interface Monitored {

    String account();

    /** The engine's id of the call, once known. */
    Long callId();
  }

  /**
   * Marks a supervisor's phone's INVITE and then its dialog: their answers and its hang-up go to
   * the call's {@link SupervisorPhones}.
   */
  record Marker(SupervisorPhones phones, String extension) {}

  /** A supervisor's phone on the call: its INVITE, then its dialog, and its mix port. */
  private static final class Leg {
    final ClientTransaction invite;
    final RtpLeg audio;
    Dialog dialog;

    Leg(ClientTransaction invite, RtpLeg audio) {
      this.invite = invite;
      this.audio = audio;
    }
  }

  private final SipEndpoint endpoint;
  private final Monitored call;
  private final Talk talk;

  /**
   * Tells the engine that the phone of this extension left the call: given by each join (the switch
   * gives the same each time), silent before the first.
   */
  private Consumer<String> left = extension -> {};

  /** The supervisors' phones on the call, by extension. */
  private final Map<String, Leg> legs = new LinkedHashMap<>();

  /** Phones called off before their first provisional answer: their CANCEL waits for it. */
  private final Set<ClientTransaction> withdrawn = new HashSet<>();

  /** The agent's side of the media while a supervisor's phone is on the call; else null. */
  private MonitorMix mix;

  /**
   * @param call the call it belongs to, and locks on
   */
  SupervisorPhones(SipEndpoint endpoint, Monitored call, Talk talk) {
    this.endpoint = endpoint;
    this.call = call;
    this.talk = talk;
  }

  /** The call's account, for the engine. */
  String account() {
    return call.account();
  }

  /** The engine's id of the call, once known. */
  Long callId() {
    return call.callId();
  }

  /**
   * A supervisor's phone joins the talk in {@code mode}, or, already on it, changes mode. A phone
   * that cannot be rung (the two no longer talk through rtpengine, or its INVITE cannot go) has
   * left at once.
   *
   * @param clock where the mix runs, every twenty milliseconds
   * @param left tells the engine that a supervisor's phone left the call by itself, or with the
   *     call's talk
   */
  void join(
      String extension, MonitorMode mode, ScheduledExecutorService clock, Consumer<String> left) {
    synchronized (call) {
      this.left = left;
      joinLocked(extension, mode, clock);
    }
  }

  private void joinLocked(String extension, MonitorMode mode, ScheduledExecutorService clock) {
    Leg on = legs.get(extension);
    if (on != null) {
      mix.change(on.audio, mode);
      return;
    }
    if (!talk.talking()) {
      LOG.warning("call " + call.callId() + ": no talk through rtpengine for " + extension);
      left.accept(extension);
      return;
    }
    try {
      if (mix == null) {
        mix = mixIn(clock);
      }
      RtpLeg audio = mix.join(mode);
      byte[] offer =
          SessionDescription.audio(endpoint.address(), audio.port(), G711.PCMU, G711.PCMA);
      Marker marker = new Marker(this, extension);
      legs.put(
          extension,
          new Leg(
              endpoint.invite(call.account(), extension, talk.agentExtension(), offer, marker),
              audio));
    } catch (Exception e) {
      failed("ringing the supervisor's extension " + extension, e);
      left.accept(extension);
      if (legs.isEmpty()) {
        mixOut(true);
      }
    }
  }

  /**
   * The mix between rtpengine and the agent's phone, both in the coding the phone answered with.
   */
  private MonitorMix mixIn(ScheduledExecutorService clock) throws Exception {
    SessionDescription phone = new SessionDescription(talk.agentSdp());
    G711 coding = Objects.requireNonNullElse(phone.audioCoding(), G711.PCMU);
    String address = endpoint.address();
    MonitorMix opened = new MonitorMix(address, coding, clock);
    try {
      byte[] relay =
          talk.anchorAgentSide(SessionDescription.audio(address, opened.caller().port(), coding));
      opened.caller().sendTo(new SessionDescription(relay).audioDestination(), coding);
      opened.agent().sendTo(phone.audioDestination(), coding);
      talk.reofferAgentPhone(SessionDescription.audio(address, opened.agent().port(), coding));
      return opened;
    } catch (Exception e) {
      opened.close();
      throw e;
    }
  }

  /**
   * The last supervisor left: where the two still talk, rtpengine is told of the agent phone's
   * media again, and the phone offered rtpengine's (a re-INVITE); the mix closes.
   */
  private void mixOut(boolean talkOn) {
    MonitorMix closing = mix;
    mix = null;
    if (closing == null) {
      return;
    }
    if (talkOn && talk.talking()) {
      try {
        talk.reofferAgentPhone(talk.anchorAgentSide(talk.agentSdp()));
      } catch (Exception e) {
        failed("taking the mix off the agent's side", e);
      }
    }
    closing.close();
  }

  /** The supervisor's phone leaves the call, as the engine says: hung up, or its ringing ended. */
  void leave(String extension) {
    synchronized (call) {
      Leg leg = legs.remove(extension);
      if (leg != null) {
        end(leg);
        if (legs.isEmpty()) {
          mixOut(true);
        }
      }
    }
  }

  /** The agent's phone left the talk, or the call ended: every supervisor's phone leaves too. */
  void endAll() {
    synchronized (call) {
      legs.values().forEach(this::end);
      legs.keySet().forEach(left);
      legs.clear();
      mixOut(false);
    }
  }

  private void end(Leg leg) {
    try {
      if (leg.dialog != null) {
        endpoint.bye(leg.dialog);
      } else if (leg.invite.getState() == TransactionState.CALLING) {
        withdrawn.add(leg.invite); // RFC 3261 9.1: its CANCEL waits for a provisional answer
      } else {
        endpoint.cancel(leg.invite);
      }
    } catch (Exception e) {
      failed("hanging up a supervisor's phone", e);
    }
    if (mix != null) {
      mix.leave(leg.audio);
    }
  }

  /** A provisional answer from a supervisor's phone: a CANCEL waiting for one can go now. */
  void proceeding(ClientTransaction invite) {
    synchronized (call) {
      if (withdrawn.remove(invite)) {
        try {
          endpoint.cancel(invite);
        } catch (Exception e) {
          failed("cancelling a supervisor's ringing", e);
        }
      }
    }
  }

  /**
   * A supervisor's phone answered: acknowledged, and sent what it hears from now on. Hung up at
   * once where it is no longer wanted, or speaks no G.711.
   */
  void answered(String extension, ClientTransaction invite, Dialog dialog, Response ok) {
    synchronized (call) {
      try {
        endpoint.ack(dialog, ok);
      } catch (Exception e) {
        failed("acknowledging a supervisor's answer", e);
        return; // its dialog fails on its own, and its BYE or timeout says so
      }
      withdrawn.remove(invite);
      Leg leg = legs.get(extension);
      SessionDescription phone =
          ok.getRawContent() == null ? null : new SessionDescription(ok.getRawContent());
      if (leg == null || leg.invite != invite || phone == null || phone.audioCoding() == null) {
        try {
          endpoint.bye(dialog);
        } catch (Exception e) {
          failed("hanging up a supervisor's phone", e);
        }
        if (leg != null && leg.invite == invite) {
          gone(extension, invite, null);
        }
        return;
      }
      leg.dialog = dialog;
      dialog.setApplicationData(new Marker(this, extension));
      leg.audio.sendTo(phone.audioDestination(), phone.audioCoding());
    }
  }

  /**
   * A supervisor's phone refused, never answered, or hung up ({@code invite} or {@code dialog}
   * names which).
   */
  void gone(String extension, ClientTransaction invite, Dialog dialog) {
    synchronized (call) {
      withdrawn.remove(invite);
      Leg leg = legs.get(extension);
      if (leg == null || (leg.invite != invite && (dialog == null || leg.dialog != dialog))) {
        return;
      }
      legs.remove(extension);
      left.accept(extension);
      if (mix != null) {
        mix.leave(leg.audio);
      }
      if (legs.isEmpty()) {
        mixOut(true);
      }
    }
  }

  private void failed(String what, Exception e) {
    LOG.log(
        Level.WARNING, "call " + call.callId() + " of account " + call.account() + ": " + what, e);
  }
}
