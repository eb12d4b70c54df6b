package org.relais.call;

/** How a call ended (API: CALL_ENDED.outcome). */
public enum CallOutcome {
  /** Answered by an agent, ended by either side. */
  ANSWERED,
  /** Answered, then transferred from the desk phone (SPEC B4). */
  TRANSFERRED,
  /** The caller hung up while waiting in the queue. */
  ABANDONED,
  /** Queued or in progress when the server stopped: closed at restart, never silently dropped. */
  LOST,
  BUSY,
  NO_ANSWER,
  FAILED
}
