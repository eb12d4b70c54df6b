package org.relais.acd;

import java.util.Optional;
import org.relais.telephony.DialFailure;

/**
 * One event of the switch ({@link org.relais.telephony.SwitchEvents}), as the engine applies it:
 * what it is about, and the answer its reporter gets once the transaction holding it has committed.
 *
 * @param <A> the answer: the new call's id for an arrival, nothing otherwise
 */
sealed interface SwitchEvent<A> {

  /** What the event is about, if the engine can tell before applying it. */
  Optional<Subject> subject();

  /** Applies the event to the call flow, inside the engine's transaction. */
  A applyTo(CallFlow flow);

  /** A call arrives for a group; answers the call's id. */
  record InboundCall(String account, String group, String caller, String ivrPath)
      implements SwitchEvent<Long> {
    @Override
    public Optional<Subject> subject() {
      return Optional.of(new Subject.Arrival(account, group));
    }

    @Override
    public Long applyTo(CallFlow flow) {
      return flow.inboundCall(account, group, caller, ivrPath);
    }
  }

  /** An event about an agent's phone, which answers nothing. */
  sealed interface PhoneEvent extends SwitchEvent<Void> {
    String account();

    String extension();

    @Override
    default Optional<Subject> subject() {
      return Optional.of(new Subject.Phone(account(), extension()));
    }
  }

  /** The agent's phone picked up the call offered to it. */
  record Answered(String account, String extension) implements PhoneEvent {
    @Override
    public Void applyTo(CallFlow flow) {
      flow.answered(account, extension);
      return null;
    }
  }

  /** The agent's phone refused the call offered to it. */
  record Refused(String account, String extension) implements PhoneEvent {
    @Override
    public Void applyTo(CallFlow flow) {
      flow.refused(account, extension);
      return null;
    }
  }

  /** The agent's phone hung up. */
  record AgentHungUp(String account, String extension) implements PhoneEvent {
    @Override
    public Void applyTo(CallFlow flow) {
      flow.agentHungUp(account, extension);
      return null;
    }
  }

  /** The agent's phone registered with the switch, or its registration went. */
  record PhoneRegistration(String account, String extension, boolean registered)
      implements PhoneEvent {
    @Override
    public Void applyTo(CallFlow flow) {
      flow.phoneRegistration(account, extension, registered);
      return null;
    }
  }

  /** An event about a call the engine named to the switch, which answers nothing. */
  sealed interface CallEvent extends SwitchEvent<Void> {
    @Override
    default Optional<Subject> subject() {
      return Optional.empty();
    }
  }

  /** The caller hung up, wherever the call was. */
  record CallerHungUp(String account, long callId) implements CallEvent {
    @Override
    public Void applyTo(CallFlow flow) {
      flow.callerHungUp(account, callId);
      return null;
    }
  }

  /** The queued caller asked to be called back (SPEC X1). */
  record CallbackRequested(String account, long callId) implements CallEvent {
    @Override
    public Void applyTo(CallFlow flow) {
      flow.callbackRequested(account, callId);
      return null;
    }
  }

  /** A supervisor's phone left the call it joined, on its own. */
  record MonitorLeft(String account, long callId, String supervisorExtension) implements CallEvent {
    @Override
    public Void applyTo(CallFlow flow) {
      flow.monitorLeft(account, callId, supervisorExtension);
      return null;
    }
  }

  /** The customer of an outbound call answered. */
  record OutboundAnswered(String account, long callId) implements CallEvent {
    @Override
    public Void applyTo(CallFlow flow) {
      flow.outboundAnswered(account, callId);
      return null;
    }
  }

  /** An outbound call reached nobody. */
  record OutboundFailed(String account, long callId, DialFailure failure) implements CallEvent {
    @Override
    public Void applyTo(CallFlow flow) {
      flow.outboundFailed(account, callId, failure);
      return null;
    }
  }
}
