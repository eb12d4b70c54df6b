package org.relais.telephony;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The telephony port (SPEC F): everything the ACD asks of a phone switch. Adapters implement it
 * (the in-process simulated switch, a SIP back-to-back user agent) and report what happens on the
 * lines through {@link SwitchEvents}. The engine assumes nothing else of an adapter: calls are
 * named by the ACD's call ids, agents' phones by their account and extension.
 */
public interface Switch {

  /** Rings the agent's phone with a waiting call; the engine enforces the ring timeout itself. */
  void offer(String account, long callId, String caller, String extension, Duration ringTimeout);

  /** Stops ringing an agent's phone (ring timeout, or the caller gave up). */
  void cancelOffer(String account, long callId, String extension);

  /** Connects the caller with the agent whose phone answered. */
  void bridge(String account, long callId, String extension);

  /**
   * Places an outbound call (SPEC B9): rings the agent's phone first and, once it answers, calls
   * the customer presenting {@code presentedNumber}, then bridges them. The switch reports the
   * customer's answer or the failure through {@link SwitchEvents#outboundAnswered} and {@link
   * SwitchEvents#outboundFailed}; the engine bounds the whole attempt with its own deadline.
   */
  void originate(
      String account, long callId, String extension, String number, String presentedNumber);

  /**
   * Places a predictive call (SPEC B11): calls the customer, presenting {@code presentedNumber},
   * with no agent's phone on the line yet. The switch reports the answer or the failure through
   * {@link SwitchEvents#outboundAnswered} and {@link SwitchEvents#outboundFailed}; the engine then
   * {@link #bridge}s the agent it chose, or {@link #drop}s the call.
   */
  void dial(String account, long callId, String number, String presentedNumber);

  /**
   * Whether this switch places outbound calls ({@link #originate}, {@link #dial}). The engine asks
   * before it makes one: a call the switch cannot place would only fail, and a campaign's failed
   * attempt is not tried again, so its contact would be spent.
   */
  default boolean placesOutboundCalls() {
    return true;
  }

  /**
   * Whether this switch joins a supervisor's phone to a call (SPEC X2, {@link #monitor}). The
   * engine asks before it starts, and refuses where not, instead of recording a monitoring that no
   * phone carries.
   */
  default boolean monitorsCalls() {
    return true;
  }

  /**
   * A predictive call answered with no agent free (SPEC B11): the customer hears the dropped
   * message, then the switch hangs up.
   */
  void drop(String account, long callId);

  /** Ends the call on every leg still up. */
  void hangUp(String account, long callId);

  /**
   * Rings the supervisor's phone and joins it to the call in this mode (SPEC X2), or changes the
   * mode of the phone already joined. A hang-up of the call ends every leg, the supervisor's too.
   */
  void monitor(String account, long callId, String supervisorExtension, MonitorMode mode);

  /** Takes the supervisor's phone off the call; the call goes on. */
  void stopMonitor(String account, long callId, String supervisorExtension);

  /** Puts the call on hold: its party hears music, the agent's phone stays up for other lines. */
  void hold(String account, long callId);

  /** Takes the call off hold: the agent's phone talks with its party again. */
  void resume(String account, long callId);

  /**
   * Places a consult call (SPEC B12) from the agent's phone to a number, as a second line while its
   * call waits on hold. The switch reports the far end's answer or failure through {@link
   * SwitchEvents#outboundAnswered} and {@link SwitchEvents#outboundFailed}, and its hang-up through
   * {@link SwitchEvents#callerHungUp}, naming {@code callId}.
   */
  void consult(String account, long callId, String extension, String number);

  /**
   * Opens the line of a consult call to an agent or a group (SPEC B12) on the agent's phone, as a
   * second line while its call waits on hold. The switch then holds the consult call as a caller of
   * its own, named {@code consultId}, which the ACD offers ({@link #offer}, {@link #bridge}) or
   * queues like any call, and ends with {@link #hangUp}. The line's own hang-up is reported through
   * {@link SwitchEvents#callerHungUp}.
   */
  void consultLine(String account, long consultId, String extension);

  /**
   * Attended transfer: connects the party of {@code callId} with the party of {@code consultId};
   * the agent's phone leaves both. The joined call goes on under {@code consultId}.
   */
  void join(String account, long callId, long consultId);

  /** Blind transfer to a number: the party of {@code callId} is sent there; the agent leaves. */
  void transfer(String account, long callId, String number);

  /**
   * Blind transfer to an agent or a group: the party of {@code callId} stays with the switch, which
   * names it {@code newCallId} from now on (offered or queued again by the ACD); the agent leaves.
   */
  void continueAs(String account, long callId, long newCallId);

  /** Starts recording the call's audio into {@code file}, a WAV file (SPEC B13). */
  void startRecording(String account, long callId, Path file);

  /** Stops the call's recording into {@code file}; the file is complete once this returns. */
  void stopRecording(String account, long callId, Path file);
}
