package org.relais;

import jakarta.ejb.ApplicationException;

/**
 * The caller's role or profile does not allow this action on something it may see (API: 403). What
 * it may not see at all answers {@link NoSuchEntityException} instead.
 */
@ApplicationException(rollback = true)
public class NotPermittedException extends RuntimeException {

  public NotPermittedException(String message) {
    super(message);
  }
}
