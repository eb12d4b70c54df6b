package org.relais.acd;

import org.relais.telephony.DialFailure;
import org.relais.telephony.SwitchEvents;

/** The switch's reports, each made into its {@link SwitchEvent} and taken in ({@link #take}). */
abstract class SwitchEventIntake implements SwitchEvents {

  /** Takes the event in; answers what its reporter gets back. */
  abstract <A> A take(SwitchEvent<A> event);

  @Override
  public long inboundCall(String account, String group, String caller, String ivrPath) {
    return take(new SwitchEvent.InboundCall(account, group, caller, ivrPath));
  }

  @Override
  public void answered(String account, String extension) {
    take(new SwitchEvent.Answered(account, extension));
  }

  @Override
  public void refused(String account, String extension) {
    take(new SwitchEvent.Refused(account, extension));
  }

  @Override
  public void agentHungUp(String account, String extension) {
    take(new SwitchEvent.AgentHungUp(account, extension));
  }

  @Override
  public void phoneRegistration(String account, String extension, boolean registered) {
    take(new SwitchEvent.PhoneRegistration(account, extension, registered));
  }

  @Override
  public void callerHungUp(String account, long callId) {
    take(new SwitchEvent.CallerHungUp(account, callId));
  }

  @Override
  public void callbackRequested(String account, long callId) {
    take(new SwitchEvent.CallbackRequested(account, callId));
  }

  @Override
  public void monitorLeft(String account, long callId, String supervisorExtension) {
    take(new SwitchEvent.MonitorLeft(account, callId, supervisorExtension));
  }

  @Override
  public void outboundAnswered(String account, long callId) {
    take(new SwitchEvent.OutboundAnswered(account, callId));
  }

  @Override
  public void outboundFailed(String account, long callId, DialFailure failure) {
    take(new SwitchEvent.OutboundFailed(account, callId, failure));
  }
}
