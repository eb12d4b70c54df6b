package org.relais.call;

/** Whether the customer called in, or an agent (or the dialer) called out. */
public enum CallDirection {
  INBOUND,
  OUTBOUND
}
