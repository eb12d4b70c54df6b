package org.relais.presence;

/** What moves an agent from one activity to the next (SPEC C1, C2, B3-B5, B9). */
public enum AgentEvent {
  /** A waiting call is offered to the agent. */
  OFFER,
  /**
   * The called side picks up: the agent's phone for an inbound call, the customer for an outbound
   * one.
   */
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
  CALLER_GONE,
  /** The agent places an outbound call (B9, B11). */
  DIAL,
  /** The outbound call was not answered: busy, no answer, voicemail, or the agent gave up. */
  DIAL_FAILED,
  /**
   * A customer the predictive dialler called answered and is put through to the free agent (B11):
   * the agent talks at once, as after its own outbound call.
   */
  CONNECT
}
