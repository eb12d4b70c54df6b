package org.relais.dialer;

/** How a campaign's contacts reach its agents (SPEC B11). */
public enum DialMode {
  /** The agent picks a contact and clicks Call. */
  MANUAL,
  /** The next contact due is proposed, in order; the agent clicks Call. */
  PREVIEW,
  /** The next contact due is proposed and dialled by itself when the agent is free. */
  AUTOMATIC,
  /** More calls than free agents, at a dial level that keeps the abandon rate under its limit. */
  PREDICTIVE
}
