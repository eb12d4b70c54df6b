package org.relais.presence;

/** What moves an agent from one activity to the next (SPEC C1, C2, B3-B5). */
public enum AgentEvent {
  /** A waiting call is offered to the agent. */
  OFFER,
  /** The agent's phone picks up. */
  ANSWER,
  /** The agent's phone refuses the ringing call. */
  REFUSE,
  /** The ring timeout passed without an answer. */
  RING_TIMEOUT,
  /** Either side hangs up a call in progress. */
  HANG_UP,
  /** The call was transferred from the desk phone (B4). */
  TRANSFERRED,
  /** The agent (or the automatic qualification) qualifies the call (B3). */
  QUALIFY,
  /** The penalty pause is over. */
  PENALTY_OVER,
  /** The agent cancels the penalty pause (B5). */
  CANCEL_PENALTY,
  /** The wrap-up pause is over. */
  WRAP_UP_OVER,
  /** The caller hangs up while the agent's phone rings. */
  CALLER_GONE
}
