package org.relais.telephony;

/**
 * Whether an agent's phone is registered with the switch, and where (docs/API.md, Telephony).
 *
 * @param contact the address the phone registered, null when unknown or not registered
 * @param expires seconds left before the registration lapses, null when not registered or when the
 *     switch's phones never lapse
 */
public record PhoneRegistration(
    String extension, boolean registered, String contact, Integer expires) {

  /** A phone the switch does not know. */
  public static PhoneRegistration absent(String extension) {
    return new PhoneRegistration(extension, false, null, null);
  }
}
