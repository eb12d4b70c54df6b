package org.relais;

import jakarta.ejb.ApplicationException;

/** A name that must be unique in its account is already taken (API: 409 naming the field). */
@ApplicationException(rollback = true)
public class DuplicateException extends RuntimeException {

  private final String field;

  public DuplicateException(String field, String value) {
    super(field + " '" + value + "' is already used");
    this.field = field;
  }

  public String getField() {
    return field;
  }
}
