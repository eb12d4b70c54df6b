package org.relais;

import jakarta.ejb.ApplicationException;

/**
 * Bad input to a domain operation, tied to the field that carries it. The API answers it with a 400
 * naming the field; forms show it beside the field in the user's language ({@link #getExpected()}
 * is the English explanation, the message key is {@code invalid.<field>}).
 */
@ApplicationException(rollback = true)
public class InvalidFieldException extends IllegalArgumentException {

  private final String field;
  private final String expected;

  public InvalidFieldException(String field, String expected) {
    super(field + ": must be " + expected);
    this.field = field;
    this.expected = expected;
  }

  public String getField() {
    return field;
  }

  public String getExpected() {
    return expected;
  }
}
