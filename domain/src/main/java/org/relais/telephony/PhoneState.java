package org.relais.telephony;

import java.io.Serializable;

/**
 * What an agent's phone shows: the call ringing it or connected to it, and who calls; for a
 * supervisor's phone joined to an agent's call, how it listens (SPEC X2), else null.
 */
public record PhoneState(
    Long ringingCallId, Long connectedCallId, String caller, MonitorMode monitoring)
    implements Serializable {

  /** A phone with no call. */
  public static final PhoneState IDLE = new PhoneState(null, null, null);

  /** An agent's phone, on no supervisor's line. */
  public PhoneState(Long ringingCallId, Long connectedCallId, String caller) {
    this(ringingCallId, connectedCallId, caller, null);
  }
}
