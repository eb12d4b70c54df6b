package org.relais.dialer;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.relais.InvalidFieldException;

/**
 * When a campaign may call, in the callee's time zone and country (the account's): its windows,
 * never on a public holiday. The default is the French rule (Code de la consommation D.223-9, since
 * 1 March 2023): Monday to Friday, 10:00-13:00 and 14:00-20:00.
 */
public record CallingHours(List<CallingWindow> windows) {

  public static final CallingHours FRENCH_DEFAULT =
      new CallingHours(
          List.of(
              CallingWindow.of("MON-FRI", "10:00", "13:00"),
              CallingWindow.of("MON-FRI", "14:00", "20:00")));

  /** How far ahead {@link #nextOpening} looks: beyond, windows that never open are refused. */
  private static final int DAYS_AHEAD = 31;

  public CallingHours {
    if (windows.isEmpty() || windows.size() > 20) {
      throw new InvalidFieldException("callingHours", "between 1 and 20 windows");
    }
    windows = List.copyOf(windows);
  }

  /**
   * Whether a call may be made at this local time of a callee in this country (ISO code): French
   * public holidays are no calling days in France.
   */
  public boolean allows(LocalDateTime local, String country) {
    return !holiday(local.toLocalDate(), country)
        && windows.stream().anyMatch(w -> w.contains(local));
  }

  /**
   * The first local time, from {@code local} on, when a call may be made: {@code local} itself when
   * it is allowed, else the start of the next window on a day that is no holiday.
   */
  public LocalDateTime nextOpening(LocalDateTime local, String country) {
    if (allows(local, country)) {
      return local;
    }
    LocalDateTime best = null;
    for (int d = 0; d <= DAYS_AHEAD && best == null; d++) {
      LocalDate day = local.toLocalDate().plusDays(d);
      if (holiday(day, country)) {
        continue;
      }
      for (CallingWindow w : windows) {
        LocalDateTime start = day.atTime(w.from());
        if (w.days().contains(day.getDayOfWeek())
            && start.isAfter(local)
            && (best == null || start.isBefore(best))) {
          best = start;
        }
      }
    }
    return best == null ? local.plusDays(DAYS_AHEAD) : best;
  }

  /**
   * Whether every time these windows open is a time {@code limits} opens too: a window may span
   * several of the limits' windows as long as they leave no gap in it.
   */
  public boolean within(CallingHours limits) {
    return windows.stream()
        .allMatch(w -> w.days().stream().allMatch(day -> limits.covers(day, w.from(), w.to())));
  }

  /** Whether the windows of that day leave no gap from {@code from} to {@code to}. */
  private boolean covers(DayOfWeek day, LocalTime from, LocalTime to) {
    LocalTime reached = from;
    for (CallingWindow w :
        windows.stream()
            .filter(w -> w.days().contains(day))
            .sorted(Comparator.comparing(CallingWindow::from))
            .toList()) {
      if (w.from().isAfter(reached)) {
        break;
      }
      if (w.to().isAfter(reached)) {
        reached = w.to();
      }
    }
    return !reached.isBefore(to);
  }

  private static boolean holiday(LocalDate day, String country) {
    return "FR".equals(country) && PublicHolidays.isFrenchHoliday(day);
  }

  /** As the database keeps it: the windows separated by {@code |} (days use commas). */
  public String encode() {
    return windows.stream().map(CallingWindow::encode).collect(Collectors.joining("|"));
  }

  public static CallingHours decode(String text) {
    return new CallingHours(Arrays.stream(text.split("\\|")).map(CallingWindow::decode).toList());
  }
}
