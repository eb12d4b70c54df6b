package org.relais.acd;

import jakarta.ejb.ApplicationException;
import org.relais.ConflictException;

/**
 * An agent's desk action that the current state does not allow: qualify with nothing to qualify,
 * answer with nothing ringing, log out during a call: a {@link ConflictException} of the engine
 * (API: 409 with the message).
 */
@ApplicationException(rollback = true)
public class DeskConflictException extends ConflictException {

  public DeskConflictException(String message) {
    super(message);
  }
}
