package org.relais.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.relais.InvalidFieldException;

class OpeningHoursTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** Monday 2 March 2026 at this time in Paris. */
  private static ZonedDateTime monday(int hour, int minute) {
    return ZonedDateTime.of(2026, 3, 2, hour, minute, 0, 0, PARIS);
  }

  private final OpeningHours office =
      OpeningHours.parse("MON-FRI 08:30-12:30, MON-FRI 13:30-18:00; SAT 09:00-12:00", "2026-03-02");

  @Test
  void noWindowAndNoHolidayIsAlwaysOpen() {
    assertThat(OpeningHours.parse("", null).isOpen(monday(3, 0))).isTrue();
    assertThat(OpeningHours.parse(" ", "").isAlwaysOpen()).isTrue();
  }

  @Test
  void openWithinAWindowFromItsStartUntilJustBeforeItsEnd() {
    OpeningHours hours = OpeningHours.parse("MON-FRI 08:30-12:30, MON-FRI 13:30-18:00", null);

    assertThat(hours.isOpen(monday(8, 29))).isFalse();
    assertThat(hours.isOpen(monday(8, 30))).isTrue();
    assertThat(hours.isOpen(monday(12, 30))).isFalse();
    assertThat(hours.isOpen(monday(17, 59))).isTrue();
    assertThat(hours.isOpen(monday(18, 0))).isFalse();
    assertThat(hours.isOpen(monday(10, 0).plusDays(5))).as("Saturday").isFalse();
  }

  @Test
  void aHolidayClosesTheWholeDayAndTheHoursAreReadInTheAccountsZone() {
    assertThat(office.isOpen(monday(10, 0))).isFalse();
    assertThat(office.isOpen(monday(10, 0).plusDays(1))).isTrue();
    assertThat(office.isOpen(monday(10, 0).plusDays(5))).as("Saturday morning").isTrue();
    ZonedDateTime nineUtc = ZonedDateTime.of(2026, 3, 3, 9, 0, 0, 0, ZoneId.of("UTC"));
    assertThat(
            OpeningHours.parse("TUE 09:30-10:30", null).isOpen(nineUtc.withZoneSameInstant(PARIS)))
        .as("09:00 UTC is 10:00 in Paris")
        .isTrue();
  }

  @Test
  void aWrongWindowOrDateNamesItsField() {
    assertThatThrownBy(() -> OpeningHours.parse("MON-FRI 18:00-08:00", null))
        .isInstanceOf(InvalidFieldException.class)
        .hasFieldOrPropertyWithValue("field", "openingHours");
    assertThatThrownBy(() -> OpeningHours.parse("LUN 08:00-18:00", null))
        .hasFieldOrPropertyWithValue("field", "openingHours");
    assertThatThrownBy(() -> OpeningHours.parse("", "25/12/2026"))
        .hasFieldOrPropertyWithValue("field", "holidays");
  }
}
