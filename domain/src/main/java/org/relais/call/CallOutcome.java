package org.relais.call;

/** How a call ended (API: CALL_ENDED.outcome). */
public enum CallOutcome {
  /** Answered by an agent, ended by either side. */
  ANSWERED,
  /** Answered, then transferred from the desk phone (SPEC B4). */
  TRANSFERRED,
  /** The caller hung up while waiting in the queue. */
  ABANDONED,
  /** Arrived outside the group's opening hours (SPEC E2): turned away without queueing. */
  CLOSED,
  /**
   * Past its group's queue limits with no group to overflow to (SPEC E2): the caller was told it
   * will be called back, and joined the group's callback list.
   */
  CALLBACK,
  /** Queued or in progress when the server stopped: closed at restart, never silently dropped. */
  LOST,
  /** Outbound: the customer's line was busy. */
  BUSY,
  /** Outbound: nobody answered (the customer, or the agent's own phone first). */
  NO_ANSWER,
  /** Outbound: an answering machine answered. */
  VOICEMAIL,
  /** Outbound: the switch could not place the call (bad number, no route). */
  FAILED,
  /** Outbound: the agent hung up before the customer answered. */
  CANCELLED,
  /**
   * Predictive (SPEC B11): the customer answered with no agent free; it heard the dropped message
   * and counts against the campaign's abandon rate.
   */
  DROPPED
}
