package org.relais.telephony;

/** How a supervisor's phone joins an agent's call (SPEC X2). */
public enum MonitorMode {
  /** Hears both sides; nobody hears the supervisor. */
  LISTEN,
  /** Speaks to the agent alone: the caller never hears it. */
  WHISPER,
  /** Speaks to both. */
  BARGE
}
