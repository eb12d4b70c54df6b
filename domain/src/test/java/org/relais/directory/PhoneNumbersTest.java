package org.relais.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relais.directory.ContactProblem.Reason;

class PhoneNumbersTest {

  private final PhoneNumbers france = PhoneNumbers.of("FR");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "06 00 00 00 00",
        "0600000000",
        "+33600000000",
        "0033 6 00 00 00 00",
        "+33 6 00 00 00 00",
        "06.00.00.00.00",
        "06-00-00-00-00",
        "+33 (0)6 00 00 00 00"
      })
  void everyFrenchFormOfAMobileIsOneNumber(String typed) {
    assertThat(france.e164(typed)).contains("+33600000000");
  }

  @Test
  void landlinesAndServiceNumbersOfFranceAreNumbers() {
    assertThat(france.e164("01 23 45 67 89")).contains("+33123456789");
    assertThat(france.e164("04 72 00 00 00")).contains("+33472000000");
    assertThat(france.e164("09 70 00 00 00")).contains("+33970000000");
    assertThat(france.e164("08 00 00 00 00")).contains("+33800000000");
  }

  @Test
  void aForeignNumberWithItsPrefixKeepsItsCountry() {
    assertThat(france.e164("+32 12 34 56 78")).contains("+3212345678");
    assertThat(france.e164("0044 20 7946 0958")).contains("+442079460958");
  }

  @Test
  void theSameNationalNumberMeansAnotherNumberInAnotherCountry() {
    assertThat(PhoneNumbers.of("BE").e164("012 34 56 78")).contains("+3212345678");
    assertThat(france.e164("012 34 56 78")).isEmpty();
  }

  @Test
  void refusedNumbersSayWhy() {
    assertThat(france.normalise("06 00 00").problem()).isEqualTo(Reason.NUMBER_TOO_SHORT);
    assertThat(france.normalise("06 00 00 00 00 00 00 00 00").problem())
        .isEqualTo(Reason.NUMBER_TOO_LONG);
    assertThat(france.normalise("Jean").problem()).isEqualTo(Reason.NOT_A_NUMBER);
    assertThat(france.normalise("+999 1234 5678").problem()).isEqualTo(Reason.INVALID_COUNTRY_CODE);
    assertThat(france.normalise("00 00 00 00 00").problem()).isNotNull();
    assertThat(france.normalise("").problem()).isEqualTo(Reason.NOT_A_NUMBER);
  }

  @Test
  void anUnknownCountryIsAProgrammingError() {
    assertThatThrownBy(() -> PhoneNumbers.of("XX")).isInstanceOf(IllegalArgumentException.class);
  }
}
