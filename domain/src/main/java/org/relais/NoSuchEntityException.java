package org.relais;

import jakarta.ejb.ApplicationException;

/**
 * The caller asked for something that does not exist in its account. Another account's data answers
 * the same way, so that ids of other tenants reveal nothing (API: 404).
 */
@ApplicationException(rollback = true)
public class NoSuchEntityException extends RuntimeException {

  public NoSuchEntityException(String what) {
    super(what + " not found");
  }
}
