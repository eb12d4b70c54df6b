package org.relais.call;

/**
 * Where a call is in its life: waiting in its group's queue, ringing an agent, or (outbound) being
 * dialled; then talking, then ended.
 */
public enum CallStatus {
  QUEUED,
  RINGING,
  /** Outbound: the agent's phone, then the customer's, are being called (SPEC B9). */
  DIALING,
  TALKING,
  ENDED;

  /** Whether the call still holds a place in the ACD (a queue slot or an agent). */
  public boolean isLive() {
    return this != ENDED;
  }
}
