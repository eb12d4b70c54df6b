package org.relais.telephony;

import java.io.Serializable;

/** What an agent's phone shows: the call ringing it or connected to it, and who calls. */
public record PhoneState(Long ringingCallId, Long connectedCallId, String caller)
    implements Serializable {

  /** A phone with no call. */
  public static final PhoneState IDLE = new PhoneState(null, null, null);
}
