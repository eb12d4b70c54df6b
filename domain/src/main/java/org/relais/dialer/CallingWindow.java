package org.relais.dialer;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.relais.InvalidFieldException;

/**
 * Days of the week and a time of day between which calls may be made: {@code MON-FRI 10:00-13:00}.
 * Days are a range ({@code MON-FRI}), a list ({@code MON,WED}) or one day.
 */
public record CallingWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

  private static final String FIELD = "callingHours";

  public CallingWindow {
    if (days.isEmpty() || !from.isBefore(to)) {
      throw new InvalidFieldException(FIELD, "windows with days and a start before their end");
    }
    days = Set.copyOf(days);
  }

  public boolean contains(LocalDateTime local) {
    LocalTime time = local.toLocalTime();
    return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
  }

  /** Parses a window as the API gives it: {@code days}, {@code from}, {@code to}. */
  public static CallingWindow of(String days, String from, String to) {
    try {
      return new CallingWindow(days(days), LocalTime.parse(from), LocalTime.parse(to));
    } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
      if (e instanceof InvalidFieldException invalid) {
        throw invalid;
      }
      throw new InvalidFieldException(
          FIELD, "windows as {\"days\":\"MON-FRI\",\"from\":\"10:00\",\"to\":\"13:00\"}");
    }
  }

  /** The days as the API writes them: a range where they follow each other, else a list. */
  public String daysText() {
    EnumSet<DayOfWeek> set = EnumSet.copyOf(days);
    DayOfWeek first = set.iterator().next();
    DayOfWeek last = first.plus(set.size() - 1L);
    if (set.size() > 1
        && last.getValue() > first.getValue()
        && set.containsAll(range(first, last))) {
      return name(first) + "-" + name(last);
    }
    return String.join(",", set.stream().map(CallingWindow::name).toList());
  }

  /** As the database keeps it: {@code MON-FRI 10:00-13:00}. */
  String encode() {
    return daysText() + " " + from + "-" + to;
  }

  static CallingWindow decode(String text) {
    String[] dayAndTimes = text.strip().split(" ");
    String[] times = dayAndTimes[1].split("-");
    return of(dayAndTimes[0], times[0], times[1]);
  }

  private static Set<DayOfWeek> days(String text) {
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : text.split(",")) {
      String[] ends = part.strip().split("-");
      if (ends.length == 2) {
        days.addAll(range(day(ends[0]), day(ends[1])));
      } else {
        days.add(day(ends[0]));
      }
    }
    return days;
  }

  private static EnumSet<DayOfWeek> range(DayOfWeek first, DayOfWeek last) {
    return first.getValue() <= last.getValue()
        ? EnumSet.range(first, last)
        : EnumSet.complementOf(EnumSet.range(last.plus(1), first.minus(1)));
  }

  private static DayOfWeek day(String abbreviation) {
    String wanted = abbreviation.strip().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (name(day).equals(wanted)) {
        return day;
      }
    }
    throw new IllegalArgumentException(abbreviation);
  }

  private static String name(DayOfWeek day) {
    return day.name().substring(0, 3);
  }
}
