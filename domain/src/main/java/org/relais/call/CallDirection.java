package org.relais.call;

/**
 * Whether the customer called in, or an agent (or the dialer) called out; or an agent's second line
 * (SPEC B12), placed while its call waits on hold.
 */
public enum CallDirection {
  INBOUND,
  OUTBOUND,
  CONSULT
}
