package org.relais.dialer;

import org.relais.call.CallOutcome;

/** How one dialler attempt ended (event DIALER_ATTEMPT.outcome). */
public enum AttemptOutcome {
  /** The customer answered and was put through to an agent. */
  ANSWERED,
  BUSY,
  NO_ANSWER,
  /** An answering machine answered. */
  VOICEMAIL,
  /** The number could not be reached: no retry. */
  FAILED,
  /** The agent hung up before the customer answered. */
  AGENT_ABANDON,
  /** Predictive: the customer answered and no agent was free (CALL_DROPPED). */
  DROPPED;

  /** The attempt's outcome for the way its call ended; null for an ending no attempt has. */
  public static AttemptOutcome of(CallOutcome call) {
    switch (call) {
      case ANSWERED:
      case TRANSFERRED:
        return ANSWERED;
      case BUSY:
        return BUSY;
      case NO_ANSWER:
        return NO_ANSWER;
      case VOICEMAIL:
        return VOICEMAIL;
      case CANCELLED:
      case LOST: // cut on our side (a restart): tried again as an agent's abandon is
        return AGENT_ABANDON;
      case FAILED:
        return FAILED;
      case DROPPED:
        return DROPPED;
      default:
        return null;
    }
  }
}
