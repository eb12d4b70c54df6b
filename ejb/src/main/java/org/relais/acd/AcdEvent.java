package org.relais.acd;

import java.time.OffsetDateTime;
import org.relais.call.CallOutcome;
import org.relais.dialer.AttemptOutcome;
import org.relais.presence.Activity;
import org.relais.presence.Availability;
import org.relais.telephony.MonitorMode;

/**
 * What the ACD announces after each committed transition (docs/API.md, Events). The engine collects
 * them during its transaction and fires them together, as {@link AcdEvents}, once it has committed:
 * nothing is announced that the database does not hold.
 */
public sealed interface AcdEvent {

  long accountId();

  OffsetDateTime at();

  /** The API's event type, e.g. {@code AGENT_STATE}. */
  String type();

  /** An agent's availability or activity changed. */
  record AgentState(
      long accountId,
      OffsetDateTime at,
      long agentId,
      String agent,
      Availability availability,
      Activity activity)
      implements AcdEvent {
    public String type() {
      return "AGENT_STATE";
    }
  }

  /** A call entered its group's queue. */
  record CallQueued(long accountId, OffsetDateTime at, long callId, String group, String caller)
      implements AcdEvent {
    public String type() {
      return "CALL_QUEUED";
    }
  }

  /** A call rings an agent. */
  record CallOffered(long accountId, OffsetDateTime at, long callId, String group, String agent)
      implements AcdEvent {
    public String type() {
      return "CALL_OFFERED";
    }
  }

  /** An agent places an outbound call (SPEC B9): its phone rings, then the customer's. */
  record CallDialing(
      long accountId, OffsetDateTime at, long callId, String group, String agent, String number)
      implements AcdEvent {
    public String type() {
      return "CALL_DIALING";
    }
  }

  /** The agent did not answer ({@code TIMEOUT}) or refused ({@code REFUSED}); the call requeues. */
  record CallNotAnswered(
      long accountId, OffsetDateTime at, long callId, String agent, String reason)
      implements AcdEvent {
    public String type() {
      return "CALL_NOT_ANSWERED";
    }
  }

  /** The agent picked up. */
  record CallAnswered(long accountId, OffsetDateTime at, long callId, String agent)
      implements AcdEvent {
    public String type() {
      return "CALL_ANSWERED";
    }
  }

  /**
   * The call is over; {@code qualification} is known only when the call ends already qualified
   * (recovery closes calls unqualified; a later choice comes as {@link CallQualified}).
   */
  record CallEnded(
      long accountId,
      OffsetDateTime at,
      long callId,
      String agent,
      CallOutcome outcome,
      String qualification)
      implements AcdEvent {
    public String type() {
      return "CALL_ENDED";
    }
  }

  /** The agent (or the automatic qualification) chose the call's qualification code. */
  record CallQualified(
      long accountId, OffsetDateTime at, long callId, String agent, String qualification)
      implements AcdEvent {
    public String type() {
      return "CALL_QUALIFIED";
    }
  }

  /** The caller hung up while waiting; {@code waited} in seconds. */
  record CallAbandoned(long accountId, OffsetDateTime at, long callId, String group, long waited)
      implements AcdEvent {
    public String type() {
      return "CALL_ABANDONED";
    }
  }

  /**
   * Past its group's queue limits, a waiting call moved to the group's overflow group, keeping its
   * wait (SPEC E2).
   */
  record CallOverflowed(long accountId, OffsetDateTime at, long callId, String from, String to)
      implements AcdEvent {
    public String type() {
      return "CALL_OVERFLOWED";
    }
  }

  /** A waiting count or a callback count of a group changed (banner groups module). */
  record QueueChanged(long accountId, OffsetDateTime at, String group) implements AcdEvent {
    public String type() {
      return "QUEUE_CHANGED";
    }
  }

  /**
   * An agent's part in one of its groups changed (SPEC B2, E5): it takes, or no longer takes, the
   * group's inbound or outbound calls, by its own toggle or a supervisor's hand.
   */
  record AgentGroup(
      long accountId,
      OffsetDateTime at,
      long agentId,
      String agent,
      String group,
      boolean inbound,
      boolean outbound)
      implements AcdEvent {
    public String type() {
      return "AGENT_GROUP";
    }
  }

  /**
   * A connected agent's phone registered with the switch, or its registration went (SPEC F2): an
   * agent whose phone is not registered is offered no call.
   */
  record PhoneRegistration(
      long accountId,
      OffsetDateTime at,
      long agentId,
      String agent,
      String extension,
      boolean registered)
      implements AcdEvent {
    public String type() {
      return registered ? "PHONE_REGISTERED" : "PHONE_UNREGISTERED";
    }
  }

  /**
   * A customer the predictive dialler called answered with no agent free (SPEC B11): it heard the
   * dropped message and was hung up on; the campaign's abandon rate counts it.
   */
  record CallDropped(long accountId, OffsetDateTime at, long callId, String campaign, String number)
      implements AcdEvent {
    public String type() {
      return "CALL_DROPPED";
    }
  }

  /** The outbound engine's attempt to reach a contact ended (SPEC B11). */
  record DialerAttempt(
      long accountId,
      OffsetDateTime at,
      String campaign,
      long contactId,
      String number,
      AttemptOutcome outcome)
      implements AcdEvent {
    public String type() {
      return "DIALER_ATTEMPT";
    }
  }

  /** A supervisor's phone joined an agent's call (SPEC X2). */
  record MonitorStarted(
      long accountId,
      OffsetDateTime at,
      long callId,
      String supervisor,
      String agent,
      MonitorMode mode)
      implements AcdEvent {
    public String type() {
      return "MONITOR_STARTED";
    }
  }

  /** A supervisor on an agent's call switched between listening, whispering and barging in. */
  record MonitorChanged(
      long accountId,
      OffsetDateTime at,
      long callId,
      String supervisor,
      String agent,
      MonitorMode mode)
      implements AcdEvent {
    public String type() {
      return "MONITOR_CHANGED";
    }
  }

  /** A supervisor's phone left an agent's call, or the call ended. */
  record MonitorEnded(
      long accountId,
      OffsetDateTime at,
      long callId,
      String supervisor,
      String agent,
      MonitorMode mode)
      implements AcdEvent {
    public String type() {
      return "MONITOR_ENDED";
    }
  }

  /** One of the agent's lines (SPEC B12) went on hold; {@code callId} names the line. */
  record LineHeld(long accountId, OffsetDateTime at, long callId, String agent)
      implements AcdEvent {
    public String type() {
      return "LINE_HELD";
    }
  }

  /** One of the agent's lines came off hold. */
  record LineResumed(long accountId, OffsetDateTime at, long callId, String agent)
      implements AcdEvent {
    public String type() {
      return "LINE_RESUMED";
    }
  }

  /**
   * The agent transferred its call to a number, an agent or a group ({@code to}); {@code
   * continuedAs} is the call that goes on with the caller in the ACD, if any.
   */
  record CallTransferred(
      long accountId, OffsetDateTime at, long callId, String agent, String to, Long continuedAs)
      implements AcdEvent {
    public String type() {
      return "CALL_TRANSFERRED";
    }
  }

  /**
   * A recording of the call started (SPEC B13): by the agent, or as its group records every call.
   */
  record RecordingStarted(
      long accountId, OffsetDateTime at, long callId, long recordingId, String agent)
      implements AcdEvent {
    public String type() {
      return "RECORDING_STARTED";
    }
  }

  /** A recording of the call stopped: by the agent, or as the call ended. */
  record RecordingStopped(
      long accountId, OffsetDateTime at, long callId, long recordingId, String agent)
      implements AcdEvent {
    public String type() {
      return "RECORDING_STOPPED";
    }
  }
}
