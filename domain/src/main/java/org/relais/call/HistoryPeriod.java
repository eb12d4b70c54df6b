package org.relais.call;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.relais.InvalidFieldException;

/**
 * The periods of the history module's selector (SPEC B6), in the account's calendar: weeks start on
 * Monday, every period ends at the end of its last day (so "this week" includes the days still to
 * come, which simply hold no call yet).
 */
public enum HistoryPeriod {
  TODAY("today"),
  YESTERDAY("yesterday"),
  THIS_WEEK("thisWeek"),
  LAST_WEEK("lastWeek"),
  THIS_MONTH("thisMonth");

  private final String apiName;

  HistoryPeriod(String apiName) {
    this.apiName = apiName;
  }

  /** The name requests use ({@code period=thisWeek}). */
  public String apiName() {
    return apiName;
  }

  public static HistoryPeriod named(String name) {
    return Arrays.stream(values())
        .filter(p -> p.apiName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidFieldException(
                    "period",
                    "one of "
                        + Arrays.stream(values())
                            .map(HistoryPeriod::apiName)
                            .collect(Collectors.joining(", "))));
  }

  /** The period that holds {@code now}, in {@code now}'s zone. */
  public TimeRange around(ZonedDateTime now) {
    LocalDate today = now.toLocalDate();
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return switch (this) {
      case TODAY -> TimeRange.days(today, today, now.getZone());
      case YESTERDAY -> TimeRange.days(today.minusDays(1), today.minusDays(1), now.getZone());
      case THIS_WEEK -> TimeRange.days(monday, monday.plusDays(6), now.getZone());
      case LAST_WEEK -> TimeRange.days(monday.minusWeeks(1), monday.minusDays(1), now.getZone());
      case THIS_MONTH ->
          TimeRange.days(
              today.withDayOfMonth(1),
              today.with(TemporalAdjusters.lastDayOfMonth()),
              now.getZone());
    };
  }
}
