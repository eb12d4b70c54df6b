package org.relais.telephony;

import org.relais.call.CallOutcome;

/** Why an outbound call did not reach anyone, as a switch reports it (SPEC F). */
public enum DialFailure {
  /** The customer's line was busy, or refused the call. */
  BUSY(CallOutcome.BUSY),
  /** The customer, or the agent's own phone, did not answer in time. */
  NO_ANSWER(CallOutcome.NO_ANSWER),
  /** An answering machine answered: nobody to speak to. */
  VOICEMAIL(CallOutcome.VOICEMAIL),
  /** The number could not be reached (invalid, no route, network error). */
  FAILED(CallOutcome.FAILED);

  private final CallOutcome outcome;

  DialFailure(CallOutcome outcome) {
    this.outcome = outcome;
  }

  /** How the call history records it. */
  public CallOutcome outcome() {
    return outcome;
  }
}
