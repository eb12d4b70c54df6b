package org.relais.call;

/** What one of an agent's lines is doing (SPEC B12, API: {@code GET /api/v1/me/lines}). */
public enum LineState {
  /** A consulted agent's phone rings, or the consult waits in its group's queue. */
  RINGING,
  /** A consulted number is being called. */
  DIALING,
  TALKING,
  HELD
}
