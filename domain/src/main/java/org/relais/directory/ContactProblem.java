package org.relais.directory;

import org.relais.InvalidFieldException;

/**
 * Why a contact field is refused: the field, a stable reason code (which screens translate) and,
 * for lengths, the limit. Forms and the API turn the first problem into an {@link
 * InvalidFieldException}; the CSV import reports every problem of every row.
 */
public record ContactProblem(String field, Reason reason, int limit) {

  /** The reasons a field can be refused. */
  public enum Reason {
    REQUIRED("given (a last name or a company)"),
    TOO_LONG("at most %d characters"),
    INVALID_EMAIL("an e-mail address"),
    NOT_A_NUMBER("a phone number"),
    NUMBER_TOO_SHORT("a phone number (this one is too short)"),
    NUMBER_TOO_LONG("a phone number (this one is too long)"),
    INVALID_COUNTRY_CODE("a phone number (unknown country code)"),
    INVALID_NUMBER("a phone number that exists (no such number in its country)");

    private final String expected;

    Reason(String expected) {
      this.expected = expected;
    }
  }

  public ContactProblem(String field, Reason reason) {
    this(field, reason, 0);
  }

  /** What the field must be, in English, as {@link InvalidFieldException} words it. */
  public String expected() {
    return reason.expected.formatted(limit);
  }

  /** The English sentence of API answers: {@code mobile: must be a phone number (…)}. */
  public String message() {
    return field + ": must be " + expected();
  }

  public InvalidFieldException toException() {
    return new InvalidFieldException(field, expected());
  }
}
