package org.relais;

import jakarta.ejb.ApplicationException;

/**
 * The action names something real, but its current state does not allow the action: the customer's
 * phone of a call that rings no more, for instance (API: 409 with the message).
 */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
