package org.relais.dialer;

/** Where a campaign's contact stands (docs/API.md, Outbound engine). */
public enum ContactStatus {
  /** Never called yet. */
  PENDING,
  /** Locked to one agent (Réserver), who alone may call it. */
  RESERVED,
  /** An attempt is under way. */
  IN_CALL,
  /** Reached: nothing more to do. */
  DONE,
  /** An attempt failed; it is due again at its next attempt. */
  RECYCLED,
  /** Its attempts are spent, or it cannot be reached. */
  EXHAUSTED,
  /** On the do-not-call list: never dialled. */
  DNC,
  /** A caller who hung up while queued, to call back (a group's callback list). */
  ABANDONED;

  /** Whether a contact in this status may be dialled when due. */
  public boolean isDialable() {
    return this == PENDING || this == RECYCLED || this == RESERVED || this == ABANDONED;
  }
}
