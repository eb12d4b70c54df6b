package org.relais.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.InvalidFieldException;

class CallingHoursTest {

  private static final CallingHours LEGAL = CallingHours.FRENCH_DEFAULT;
  private static final String FR = "FR";

  /** Thursday 3 December 2026. */
  private static LocalDateTime thursday(int hour, int minute) {
    return LocalDateTime.of(2026, 12, 3, hour, minute);
  }

  @Test
  void theLegalDefaultAllowsWeekdayMornings() {
    assertThat(LEGAL.allows(thursday(10, 0), FR)).isTrue();
    assertThat(LEGAL.allows(thursday(12, 59), FR)).isTrue();
    assertThat(LEGAL.allows(thursday(9, 59), FR)).isFalse();
  }

  @Test
  void theLegalDefaultForbidsLunchEveningsAndWeekends() {
    assertThat(LEGAL.allows(thursday(13, 0), FR)).isFalse();
    assertThat(LEGAL.allows(thursday(13, 30), FR)).isFalse();
    assertThat(LEGAL.allows(thursday(19, 59), FR)).isTrue();
    assertThat(LEGAL.allows(thursday(20, 0), FR)).isFalse();
    assertThat(LEGAL.allows(LocalDateTime.of(2026, 12, 5, 11, 0), FR)).isFalse(); // Saturday
    assertThat(LEGAL.allows(LocalDateTime.of(2026, 12, 6, 11, 0), FR)).isFalse(); // Sunday
  }

  @Test
  void publicHolidaysAreNeverCallingDays() {
    assertThat(LEGAL.allows(LocalDateTime.of(2026, 12, 25, 11, 0), FR)).isFalse(); // a Friday
    assertThat(LEGAL.allows(LocalDateTime.of(2026, 4, 6, 11, 0), FR)).isFalse(); // Easter Monday
    assertThat(LEGAL.allows(LocalDateTime.of(2026, 5, 14, 11, 0), FR)).isFalse(); // Ascension
    assertThat(LEGAL.allows(LocalDateTime.of(2026, 5, 25, 11, 0), FR)).isFalse(); // Whit Monday
    assertThat(LEGAL.allows(LocalDateTime.of(2026, 4, 7, 11, 0), FR)).isTrue();
    assertThat(LEGAL.allows(LocalDateTime.of(2026, 12, 25, 11, 0), "BE")).isTrue();
  }

  @Test
  void easterFollowsTheCalendar() {
    assertThat(PublicHolidays.easter(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(PublicHolidays.easter(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    assertThat(PublicHolidays.easter(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
  }

  @Test
  void theNextOpeningIsTheNextWindowOnAWorkingDay() {
    assertThat(LEGAL.nextOpening(thursday(11, 0), FR)).isEqualTo(thursday(11, 0));
    assertThat(LEGAL.nextOpening(thursday(13, 10), FR)).isEqualTo(thursday(14, 0));
    assertThat(LEGAL.nextOpening(LocalDateTime.of(2026, 12, 4, 20, 30), FR))
        .isEqualTo(LocalDateTime.of(2026, 12, 7, 10, 0)); // Friday evening: Monday morning
    assertThat(LEGAL.nextOpening(LocalDateTime.of(2026, 12, 24, 21, 0), FR))
        .isEqualTo(LocalDateTime.of(2026, 12, 28, 10, 0)); // over Christmas and the weekend
  }

  @Test
  void aCampaignSetsItsOwnWindows() {
    CallingHours saturdays = new CallingHours(List.of(CallingWindow.of("SAT", "09:00", "12:00")));
    assertThat(saturdays.allows(LocalDateTime.of(2026, 12, 5, 9, 30), FR)).isTrue();
    assertThat(saturdays.allows(thursday(11, 0), FR)).isFalse();
    CallingHours listed = new CallingHours(List.of(CallingWindow.of("mon,wed", "08:00", "21:00")));
    assertThat(listed.windows().get(0).daysText()).isEqualTo("MON,WED");
  }

  @Test
  void theyAreKeptAsTextAndReadBack() {
    assertThat(CallingHours.decode(LEGAL.encode())).isEqualTo(LEGAL);
    assertThat(LEGAL.windows().get(0).daysText()).isEqualTo("MON-FRI");
  }

  @Test
  void badWindowsNameTheField() {
    assertThatThrownBy(() -> CallingWindow.of("MON-FRI", "14:00", "10:00"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("callingHours");
    assertThatThrownBy(() -> CallingWindow.of("LUNDI", "10:00", "12:00"))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> CallingWindow.of("MON", "10h", "12:00"))
        .isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void windowsWithinTheLegalDefaultStayWithinIt() {
    assertThat(LEGAL.within(LEGAL)).isTrue();
    assertThat(hours(CallingWindow.of("TUE,THU", "10:30", "12:00")).within(LEGAL)).isTrue();
    assertThat(hours(CallingWindow.of("MON-FRI", "14:00", "20:00")).within(LEGAL)).isTrue();
  }

  @Test
  void aWindowOverLunchEveningsOrWeekendsGoesBeyondTheLegalDefault() {
    assertThat(hours(CallingWindow.of("MON-FRI", "12:00", "15:00")).within(LEGAL)).isFalse();
    assertThat(hours(CallingWindow.of("MON", "19:00", "21:00")).within(LEGAL)).isFalse();
    assertThat(hours(CallingWindow.of("SAT", "10:00", "12:00")).within(LEGAL)).isFalse();
    assertThat(hours(CallingWindow.of("FRI-MON", "10:00", "12:00")).within(LEGAL)).isFalse();
  }

  @Test
  void limitsThatFollowEachOtherCoverAWindowAcrossThem() {
    CallingHours limits =
        new CallingHours(
            List.of(
                CallingWindow.of("MON", "09:00", "12:00"),
                CallingWindow.of("MON", "08:00", "10:00"),
                CallingWindow.of("MON", "12:00", "18:00")));
    assertThat(hours(CallingWindow.of("MON", "08:30", "17:00")).within(limits)).isTrue();
    assertThat(hours(CallingWindow.of("MON", "07:30", "17:00")).within(limits)).isFalse();
  }

  private static CallingHours hours(CallingWindow window) {
    return new CallingHours(List.of(window));
  }
}
