package org.relais.telephony;

/**
 * The agent's phone, played from the banner (SPEC F1): what it shows, and its three buttons. A
 * switch whose phones are real devices has none; the banner then shows no softphone, and the
 * agent's own phone reports to the switch as usual.
 */
public interface Softphone {

  /** What the phone of the account's extension shows now. */
  PhoneState state(String account, String extension);

  /** Picks up the call ringing the phone. */
  void answer(String account, String extension);

  /** Refuses the call ringing the phone. */
  void reject(String account, String extension);

  /** Hangs up the call the phone is in. */
  void hangUp(String account, String extension);
}
