package org.relais.telephony;

/** Which agents' phones the switch can ring: the registrations it holds. */
public interface PhoneRegistry {

  /**
   * @throws RegistryUnavailableException when the switch cannot say
   */
  PhoneRegistration registration(String account, String extension);

  /** Whether the registrar answers now: without it, no phone can be rung. */
  boolean answers();
}
