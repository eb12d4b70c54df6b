package org.relais.group;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.relais.InvalidFieldException;

/**
 * When a group takes calls (SPEC E2): windows of week days and times, and holidays when it is
 * closed all day, read in the account's time zone. Written as text, e.g. {@code "MON-FRI
 * 08:30-12:30, MON-FRI 13:30-18:00, SAT 09:00-12:00"} and holidays {@code "2026-12-25,
 * 2027-01-01"}; no window at all means always open.
 */
public final class OpeningHours {

  /** Always open: no window, no holiday. */
  public static final OpeningHours ALWAYS = new OpeningHours(List.of(), Set.of());

  private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  private record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    boolean contains(ZonedDateTime at) {
      LocalTime time = at.toLocalTime();
      return days.contains(at.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }
  }

  private final List<Window> windows;
  private final Set<LocalDate> holidays;

  private OpeningHours(List<Window> windows, Set<LocalDate> holidays) {
    this.windows = List.copyOf(windows);
    this.holidays = Set.copyOf(holidays);
  }

  /**
   * @param windows blank for always open
   * @param holidays blank for none
   * @throws InvalidFieldException naming {@code openingHours} or {@code holidays}
   */
  public static OpeningHours parse(String windows, String holidays) {
    List<Window> parsed = new ArrayList<>();
    for (String part : split(windows)) {
      parsed.add(window(part));
    }
    Set<LocalDate> days = new TreeSet<>();
    for (String part : split(holidays)) {
      try {
        days.add(LocalDate.parse(part));
      } catch (DateTimeParseException e) {
        throw new InvalidFieldException("holidays", "dates as 2026-12-25, separated by commas");
      }
    }
    return new OpeningHours(parsed, days);
  }

  /** Whether the group takes calls at this moment of the account's calendar. */
  public boolean isOpen(ZonedDateTime at) {
    if (holidays.contains(at.toLocalDate())) {
      return false;
    }
    return windows.isEmpty() || windows.stream().anyMatch(w -> w.contains(at));
  }

  public boolean isAlwaysOpen() {
    return windows.isEmpty() && holidays.isEmpty();
  }

  private static List<String> split(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return List.of(text.strip().split("\\s*[,;]\\s*"));
  }

  private static Window window(String text) {
    String[] parts = text.strip().toUpperCase(Locale.ROOT).split("\\s+");
    if (parts.length != 2) {
      throw invalidWindow();
    }
    String[] times = parts[1].split("-");
    if (times.length != 2) {
      throw invalidWindow();
    }
    try {
      LocalTime from = LocalTime.parse(times[0]);
      LocalTime to = times[1].equals("24:00") ? LocalTime.MAX : LocalTime.parse(times[1]);
      if (!from.isBefore(to)) {
        throw invalidWindow();
      }
      return new Window(days(parts[0]), from, to);
    } catch (DateTimeParseException e) {
      throw invalidWindow();
    }
  }

  private static Set<DayOfWeek> days(String text) {
    String[] range = text.split("-");
    if (range.length > 2) {
      throw invalidWindow();
    }
    int first = DAYS.indexOf(range[0]);
    int last = range.length == 1 ? first : DAYS.indexOf(range[1]);
    if (first < 0 || last < first) {
      throw invalidWindow();
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (int d = first; d <= last; d++) {
      days.add(DayOfWeek.of(d + 1));
    }
    return days;
  }

  private static InvalidFieldException invalidWindow() {
    return new InvalidFieldException(
        "openingHours", "windows as MON-FRI 08:30-18:00, separated by commas");
  }
}
