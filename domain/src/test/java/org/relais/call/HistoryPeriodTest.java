package org.relais.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.relais.InvalidFieldException;

class HistoryPeriodTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** Thursday 13 March 2025, 10:30 in Paris. */
  private final ZonedDateTime now = ZonedDateTime.of(2025, 3, 13, 10, 30, 0, 0, PARIS);

  private static OffsetDateTime paris(int month, int day) {
    return LocalDateTime.of(2025, month, day, 0, 0).atZone(PARIS).toOffsetDateTime();
  }

  @Test
  void todayRunsFromMidnightToMidnightInTheAccountsZone() {
    TimeRange today = HistoryPeriod.TODAY.around(now);

    assertThat(today.from()).isEqualTo(paris(3, 13));
    assertThat(today.to()).isEqualTo(paris(3, 14));
    assertThat(today.from().getOffset().getTotalSeconds()).isEqualTo(3600);
  }

  @Test
  void yesterdayIsTheWholeDayBefore() {
    assertThat(HistoryPeriod.YESTERDAY.around(now))
        .isEqualTo(new TimeRange(paris(3, 12), paris(3, 13)));
  }

  @Test
  void weeksStartOnMonday() {
    assertThat(HistoryPeriod.THIS_WEEK.around(now))
        .isEqualTo(new TimeRange(paris(3, 10), paris(3, 17)));
    assertThat(HistoryPeriod.LAST_WEEK.around(now))
        .isEqualTo(new TimeRange(paris(3, 3), paris(3, 10)));
  }

  @Test
  void onMondayThisWeekStartsTheSameDayAndOnSundayItStillHoldsTheWeek() {
    ZonedDateTime monday = ZonedDateTime.of(2025, 3, 10, 0, 0, 0, 0, PARIS);
    ZonedDateTime sunday = ZonedDateTime.of(2025, 3, 16, 23, 59, 59, 0, PARIS);

    assertThat(HistoryPeriod.THIS_WEEK.around(monday).from()).isEqualTo(paris(3, 10));
    assertThat(HistoryPeriod.THIS_WEEK.around(sunday).from()).isEqualTo(paris(3, 10));
  }

  @Test
  void thisMonthRunsFromTheFirstToTheLastDayAcrossTheChangeToSummerTime() {
    TimeRange month = HistoryPeriod.THIS_MONTH.around(now);

    assertThat(month).isEqualTo(new TimeRange(paris(3, 1), paris(4, 1)));
    assertThat(month.to().getOffset().getTotalSeconds()).isEqualTo(7200);
  }

  @Test
  void yesterdayOfTheFirstOfJanuaryIsInTheYearBefore() {
    ZonedDateTime newYear = ZonedDateTime.of(2025, 1, 1, 8, 0, 0, 0, PARIS);

    assertThat(HistoryPeriod.YESTERDAY.around(newYear).from().toLocalDate())
        .isEqualTo(java.time.LocalDate.of(2024, 12, 31));
  }

  @Test
  void periodsAreNamedAsInTheApi() {
    assertThat(HistoryPeriod.named("lastWeek")).isEqualTo(HistoryPeriod.LAST_WEEK);
    assertThatThrownBy(() -> HistoryPeriod.named("fortnight"))
        .isInstanceOf(InvalidFieldException.class)
        .extracting("field")
        .isEqualTo("period");
  }

  @Test
  void aRequestWithoutRangeReadsToday() {
    assertThat(TimeRange.parse(null, null, null, now)).isEqualTo(HistoryPeriod.TODAY.around(now));
    assertThat(TimeRange.parse("thisMonth", "", null, now))
        .isEqualTo(HistoryPeriod.THIS_MONTH.around(now));
  }

  @Test
  void datesCoverWholeDaysAndTheLastOneIsIncluded() {
    assertThat(TimeRange.parse(null, "2025-03-01", "2025-03-02", now))
        .isEqualTo(new TimeRange(paris(3, 1), paris(3, 3)));
  }

  @Test
  void dateTimesAreInstantsWithTheirOffsetOrInTheAccountsZone() {
    TimeRange range = TimeRange.parse(null, "2025-03-01T08:00:00Z", "2025-03-01T10:00", now);

    assertThat(range.from()).isEqualTo(OffsetDateTime.parse("2025-03-01T08:00:00Z"));
    assertThat(range.to().toInstant())
        .isEqualTo(OffsetDateTime.parse("2025-03-01T09:00:00Z").toInstant());
  }

  @Test
  void fromAloneRunsToTheEndOfToday() {
    assertThat(TimeRange.parse(null, "2025-03-10", null, now).to()).isEqualTo(paris(3, 14));
  }

  @Test
  void badValuesNameTheirField() {
    assertField(() -> TimeRange.parse(null, "yesterday", null, now), "from");
    assertField(() -> TimeRange.parse(null, "2025-03-01", "2025-02-30", now), "to");
    assertField(() -> TimeRange.parse(null, "2025-03-02", "2025-03-01", now), "to");
    assertField(() -> TimeRange.parse(null, null, "2025-03-01", now), "from");
    assertField(() -> TimeRange.parse("today", "2025-03-01", null, now), "period");
    assertField(() -> TimeRange.parse(null, "2025-04-01", null, now), "from");
  }

  private static void assertField(Runnable request, String field) {
    assertThatThrownBy(request::run)
        .isInstanceOf(InvalidFieldException.class)
        .extracting("field")
        .isEqualTo(field);
  }
}
