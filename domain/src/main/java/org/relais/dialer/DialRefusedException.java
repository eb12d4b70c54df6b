package org.relais.dialer;

import jakarta.ejb.ApplicationException;
import org.relais.ConflictException;

/** A rule refuses the call to a contact now (API: 409, the rule's name as the error). */
@ApplicationException(rollback = true)
public class DialRefusedException extends ConflictException {

  private final DialRefusal refusal;

  public DialRefusedException(DialRefusal refusal) {
    super(refusal.code(), "the call is refused: " + refusal.code());
    this.refusal = refusal;
  }

  public DialRefusal refusal() {
    return refusal;
  }
}
