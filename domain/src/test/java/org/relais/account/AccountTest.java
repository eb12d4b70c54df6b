package org.relais.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.relais.InvalidFieldException;

class AccountTest {

  private final Account account =
      new Account("acme", OffsetDateTime.of(2025, 3, 13, 9, 0, 0, 0, ZoneOffset.UTC));

  @Test
  void aNewAccountLivesInParisAndDialsFrenchNumbers() {
    assertThat(account.getTimeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(account.getCountry()).isEqualTo("FR");
  }

  @Test
  void itsTimeZoneIsAnyZoneOfTheTzDatabase() {
    account.changeTimeZone("America/Martinique");

    assertThat(account.getTimeZone()).isEqualTo(ZoneId.of("America/Martinique"));
  }

  @Test
  void fixedOffsetsAndUnknownZonesAreRefusedNamingTheField() {
    for (String zone : new String[] {"+02:00", "UTC+1", "CEST", "Europe/Atlantis", "", null}) {
      assertThatThrownBy(() -> account.changeTimeZone(zone))
          .isInstanceOf(InvalidFieldException.class)
          .extracting(e -> ((InvalidFieldException) e).getField())
          .isEqualTo("timeZone");
    }
    assertThat(account.getTimeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }

  @Test
  void itsCountryIsAnIsoCodeWithANumberingPlan() {
    account.changeCountry("BE");

    assertThat(account.getCountry()).isEqualTo("BE");
    for (String country : new String[] {"be", "XX", "FRA", "", null}) {
      assertThatThrownBy(() -> account.changeCountry(country))
          .isInstanceOf(InvalidFieldException.class)
          .extracting(e -> ((InvalidFieldException) e).getField())
          .isEqualTo("country");
    }
    assertThat(account.getCountry()).isEqualTo("BE");
  }
}
