package org.relais.acd;

import jakarta.ejb.ApplicationException;

/**
 * An agent's desk action that the current state does not allow: qualify with nothing to qualify,
 * answer with nothing ringing, log out during a call (API: 409 with the message).
 */
@ApplicationException(rollback = true)
public class DeskConflictException extends RuntimeException {

  public DeskConflictException(String message) {
    super(message);
  }
}
