package org.relais;

import jakarta.ejb.ApplicationException;

/**
 * The action names something real, but its current state does not allow the action: the customer's
 * phone of a call that rings no more, for instance (API: 409 with the message).
 */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

  private final String error;

  public ConflictException(String message) {
    this("conflict", message);
  }

  /**
   * @param error the API's error code, where a client tells this conflict from others
   */
  protected ConflictException(String error, String message) {
    super(message);
    this.error = error;
  }

  /** The API's error code: {@code conflict}, or the rule that refused. */
  public String error() {
    return error;
  }
}
