package org.relais;

/** A name that must be unique in its account is already taken (API: 409 naming the field). */
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
