package org.relais.telephony.sim;

import java.util.ArrayList;
import java.util.List;
import org.relais.telephony.DialFailure;
import org.relais.telephony.SwitchEvents;

/**
 * The engine's side of the port, as the simulated switch sees it: each event it receives, written
 * as one line ({@code answered demo 201}). Inbound calls get ids from 100 up.
 */
final class RecordedSwitchEvents implements SwitchEvents {

  final List<String> received = new ArrayList<>();
  private long nextCallId = 100;

  /** When set, the next event is refused, as an engine refuses what its state no longer allows. */
  RuntimeException refuseNext;

  private void record(String event) {
    received.add(event);
    if (refuseNext != null) {
      RuntimeException refusal = refuseNext;
      refuseNext = null;
      throw refusal;
    }
  }

  @Override
  public long inboundCall(String account, String group, String caller, String ivrPath) {
    record("inboundCall " + account + " " + group + " " + caller + " " + ivrPath);
    return nextCallId++;
  }

  @Override
  public void answered(String account, String extension) {
    record("answered " + account + " " + extension);
  }

  @Override
  public void refused(String account, String extension) {
    record("refused " + account + " " + extension);
  }

  @Override
  public void agentHungUp(String account, String extension) {
    record("agentHungUp " + account + " " + extension);
  }

  @Override
  public void callerHungUp(String account, long callId) {
    record("callerHungUp " + account + " " + callId);
  }

  @Override
  public void callbackRequested(String account, long callId) {
    record("callbackRequested " + account + " " + callId);
  }

  @Override
  public void outboundAnswered(String account, long callId) {
    record("outboundAnswered " + account + " " + callId);
  }

  @Override
  public void outboundFailed(String account, long callId, DialFailure failure) {
    record("outboundFailed " + account + " " + callId + " " + failure);
  }

  @Override
  public void monitorLeft(String account, long callId, String supervisorExtension) {
    record("monitorLeft " + account + " " + callId + " " + supervisorExtension);
  }

  @Override
  public void phoneRegistration(String account, String extension, boolean registered) {
    record("phoneRegistration " + account + " " + extension + " " + registered);
  }
}
