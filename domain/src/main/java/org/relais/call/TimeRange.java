package org.relais.call;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.relais.InvalidFieldException;

/**
 * A span of time that history and reports read (SPEC B6, E6): from its first instant included to
 * its last excluded, so that consecutive days or weeks never share a call.
 *
 * <p>Requests name a range with two ISO values: a date covers its whole day in the account's zone
 * ({@code to=2025-03-31} includes the 31st), a date-time is taken as an instant (with its offset,
 * or in the account's zone when it has none).
 */
public record TimeRange(OffsetDateTime from, OffsetDateTime to) {

  public TimeRange {
    Objects.requireNonNull(from);
    Objects.requireNonNull(to);
    if (!from.isBefore(to)) {
      throw new InvalidFieldException("to", "after from");
    }
  }

  /** The days from {@code first} to {@code last}, both included, in the zone. */
  public static TimeRange days(LocalDate first, LocalDate last, ZoneId zone) {
    if (last.isBefore(first)) {
      throw new InvalidFieldException("to", "the same day as from or later");
    }
    return new TimeRange(
        first.atStartOfDay(zone).toOffsetDateTime(),
        last.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
  }

  /**
   * The days a form's two date fields pick, both included: empty while a day is missing or the last
   * comes before the first.
   */
  public static Optional<TimeRange> picked(LocalDate first, LocalDate last, ZoneId zone) {
    if (first == null || last == null || last.isBefore(first)) {
      return Optional.empty();
    }
    return Optional.of(days(first, last, zone));
  }

  /**
   * The range a request names: a {@code period} name, or {@code from} and {@code to}; today when it
   * names none. {@code from} alone runs until the end of today. Bad values are {@link
   * InvalidFieldException}s naming the field.
   */
  public static TimeRange parse(String period, String from, String to, ZonedDateTime now) {
    boolean hasFrom = from != null && !from.isBlank();
    boolean hasTo = to != null && !to.isBlank();
    if (period != null && !period.isBlank()) {
      if (hasFrom || hasTo) {
        throw new InvalidFieldException("period", "left out when from and to are given");
      }
      return HistoryPeriod.named(period).around(now);
    }
    if (!hasFrom && !hasTo) {
      return HistoryPeriod.TODAY.around(now);
    }
    if (!hasFrom) {
      throw new InvalidFieldException("from", "given with to (an ISO date or date-time)");
    }
    ZoneId zone = now.getZone();
    OffsetDateTime start = instant("from", from.strip(), zone, false);
    OffsetDateTime end =
        hasTo
            ? instant("to", to.strip(), zone, true)
            : now.toLocalDate().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    if (!start.isBefore(end)) {
      throw new InvalidFieldException(hasTo ? "to" : "from", "before the end of the range");
    }
    return new TimeRange(start, end);
  }

  /** Whether the range ends after this instant: what it shows may still change. */
  public boolean endsAfter(OffsetDateTime instant) {
    return to.isAfter(instant);
  }

  /**
   * One bound: a date is the start of that day, or of the next one for an end bound, so that a date
   * names a whole day in both places.
   */
  private static OffsetDateTime instant(String field, String value, ZoneId zone, boolean end) {
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (end ? day.plusDays(1) : day).atStartOfDay(zone).toOffsetDateTime();
      }
      try {
        return OffsetDateTime.parse(value);
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
      }
    } catch (DateTimeException e) {
      throw new InvalidFieldException(
          field, "an ISO date (2025-03-31) or date-time (2025-03-31T08:00:00+02:00)");
    }
  }
}
