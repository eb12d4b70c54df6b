package org.relais.presence;

/** Whether an agent takes inbound calls (SPEC C): not connected, connected but not, or yes. */
public enum Availability {
  DISCONNECTED,
  UNAVAILABLE,
  AVAILABLE
}
