package org.relais.call;

/** Where a call is in its life: waiting in its group's queue, ringing an agent, talking, ended. */
public enum CallStatus {
  QUEUED,
  RINGING,
  TALKING,
  ENDED;

  /** Whether the call still holds a place in the ACD (a queue slot or an agent). */
  public boolean isLive() {
    return this != ENDED;
  }
}
