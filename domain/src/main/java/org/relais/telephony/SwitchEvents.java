package org.relais.telephony;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a switch reports to the ACD. Each method is one event on the lines; the ACD decides what it
 * means for queues and agents. Adapters call these from their own threads.
 */
public interface SwitchEvents {

  /**
   * A call arrives for a group of an account.
   *
   * @return the ACD's id for the call
   */
  long inboundCall(String account, String group, String caller, String ivrPath);

  /** The agent's phone picked up the call offered to it. */
  void answered(String account, String extension);

  /** The agent's phone refused the call offered to it (busy, reject). */
  void refused(String account, String extension);

  /** The agent's phone hung up. */
  void agentHungUp(String account, String extension);

  /** The caller hung up, wherever the call was (queued, ringing, talking). */
  void callerHungUp(String account, long callId);

  /**
   * The queued caller asked to be called back (SPEC X1), by a key on the phone: it leaves the line
   * and keeps its place.
   */
  void callbackRequested(String account, long callId);

  /**
   * A supervisor's phone that joined a call (SPEC X2) left it on its own: hung up, or refused or
   * never answered the call that joined it.
   */
  void monitorLeft(String account, long callId, String supervisorExtension);

  /** The customer of an outbound call answered; the switch has bridged the agent's phone. */
  void outboundAnswered(String account, long callId);

  /** An outbound call could not reach the customer (or the agent's own phone). */
  void outboundFailed(String account, long callId, DialFailure failure);

  /**
   * The agent's phone registered with the switch, or its registration went (unregistered, expired):
   * a phone that is not registered cannot be rung, and its agent is offered no call.
   */
  void phoneRegistration(String account, String extension, boolean registered);

  /**
   * A call arrives for a group of an account, and the switch goes on: the ACD's id for the call
   * comes once the ACD has taken it in. By default, this waits for it as {@link #inboundCall} does.
   *
   * @return the ACD's id for the call, or the ACD's refusal
   */
  default CompletionStage<Long> callArriving(
      String account, String group, String caller, String ivrPath) {
    return CompletableFuture.completedFuture(inboundCall(account, group, caller, ivrPath));
  }

  /**
   * The same events, told without waiting for the ACD to have applied them: for a switch that
   * reports from one thread of its own and needs no answer, so that the events of a busy switch
   * share commits instead of queueing one commit each behind the other. The ACD applies them in the
   * order they were told, with the switch's other events, and logs one it refuses. {@link
   * #inboundCall} still waits, for the call's id; {@link #callArriving} does not.
   */
  default SwitchEvents unawaited() {
    return this;
  }
}
