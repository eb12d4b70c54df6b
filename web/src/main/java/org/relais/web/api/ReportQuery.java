package org.relais.web.api;

import jakarta.ws.rs.QueryParam;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Locale;
import org.relais.InvalidFieldException;
import org.relais.call.TimeRange;

/**
 * The query parameters of history and report requests ({@code @BeanParam}), read so that a bad
 * value answers 400 naming its parameter: the range ({@code period}, or {@code from} and {@code
 * to}) and paging ({@code page} from 0, {@code size}). Each report adds its filters in a subclass.
 */
public class ReportQuery {

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 1000;

  @QueryParam("period")
  String period;

  @QueryParam("from")
  String from;

  @QueryParam("to")
  String to;

  @QueryParam("page")
  String page;

  @QueryParam("size")
  String size;

  /** The range asked for, today by default, in the calendar of {@code now}. */
  TimeRange range(ZonedDateTime now) {
    return TimeRange.parse(period, from, to, now);
  }

  int page() {
    return number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
  }

  int size(int defaultSize) {
    return number("size", size, defaultSize, 1, MAX_SIZE);
  }

  /** The constant named by {@code value}, null when absent. */
  static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(field, "one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** A name filter, null when absent. */
  static String name(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static int number(String field, String value, int defaultValue, int min, int max) {
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidFieldException(field, "a whole number from " + min + " to " + max);
  }
}
