package org.relais.telephony;

/** The switch's registrar does not answer: whether phones are registered is unknown. */
public class RegistryUnavailableException extends RuntimeException {

  public RegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
