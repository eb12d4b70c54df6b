package org.relais.platform;

import java.util.regex.Pattern;

/**
 * What a cell of a CSV file the product writes must look like so that a spreadsheet shows it as
 * text and never runs it as a formula (CSV injection): a value that starts with {@code =}, {@code
 * +}, {@code -}, {@code @}, a tab or a carriage return gets a single quote in front, as OWASP
 * recommends. An import reads the quote back off, so that a file exported then imported keeps every
 * value as it was.
 *
 * <p>For the read-back to be exact, a value that itself starts with a quote followed by one of
 * those characters, or by another quote, is quoted too; a quote followed by anything else ({@code
 * 't Hooft}) is left as it is both ways.
 *
 * <p>A phone number is data, not text: {@code +33 6 12 34 56 78} stays as it is, because the
 * number's own form starts with {@code +}, because a spreadsheet cannot run a formula made only of
 * digits, spaces, {@code + ( ) . -}, and because the number must read back as typed. A phone cell
 * with anything else in it (letters of a vanity number, say) is quoted like text.
 */
public final class CsvCells {

  private static final String TRIGGERS = "=+-@\t\r";
  private static final Pattern PHONE_CHARACTERS = Pattern.compile("[+0-9 ().-]*");

  private CsvCells() {}

  /** A text value as a cell: quoted if a spreadsheet would take it for a formula. */
  public static String text(String value) {
    return needsQuote(value) ? "'" + value : value;
  }

  /** A phone number as a cell: as it is when made of phone characters only, else as text. */
  public static String phone(String value) {
    return value == null || PHONE_CHARACTERS.matcher(value).matches() ? value : text(value);
  }

  /** The value a cell of an exported file holds: the quote {@link #text} added, taken off. */
  public static String read(String cell) {
    return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && quotable(cell.charAt(1))
        ? cell.substring(1)
        : cell;
  }

  private static boolean needsQuote(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    char first = value.charAt(0);
    return TRIGGERS.indexOf(first) >= 0
        || (first == '\'' && value.length() > 1 && quotable(value.charAt(1)));
  }

  /** Whether a quote in front of this character is one that {@link #text} adds. */
  private static boolean quotable(char c) {
    return c == '\'' || TRIGGERS.indexOf(c) >= 0;
  }
}
