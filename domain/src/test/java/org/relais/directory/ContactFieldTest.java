package org.relais.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactFieldTest {

  @Test
  void theManualsLabelsNameTheTwelveFields() {
    List<String> manual =
        List.of(
            "Nom",
            "Prénom",
            "Société",
            "Mail",
            "Num. bureau",
            "Mobile",
            "Num. domicile",
            "Num. autre",
            "Catégorie",
            "Données d'appel",
            "Adresse",
            "Description");

    assertThat(manual.stream().map(h -> ContactField.ofHeader(h).orElseThrow()))
        .containsExactly(ContactField.values());
  }

  @Test
  void headersAreComparedWithoutCaseAccentsSpacesOrPunctuation() {
    assertThat(ContactField.ofHeader(" NUM BUREAU ")).contains(ContactField.OFFICE);
    assertThat(ContactField.ofHeader("Tél. bureau")).contains(ContactField.OFFICE);
    assertThat(ContactField.ofHeader("donnees d’appel")).contains(ContactField.CALL_DATA);
    assertThat(ContactField.ofHeader("E-MAIL")).contains(ContactField.EMAIL);
    assertThat(ContactField.ofHeader("Fax")).isEmpty();
  }

  @Test
  void everyApiNameReadsBackAsAHeaderAndAsAnApiName() {
    for (ContactField field : ContactField.values()) {
      assertThat(ContactField.ofHeader(field.apiName())).contains(field);
      assertThat(ContactField.ofApiName(field.apiName())).contains(field);
    }
    assertThat(ContactField.ofApiName("visibility")).isEmpty();
  }

  @Test
  void noAliasNamesTwoFields() {
    long keys =
        Arrays.stream(ContactField.values())
            .flatMap(f -> f.aliases().stream())
            .map(ContactField::headerKey)
            .distinct()
            .count();
    long aliases = Arrays.stream(ContactField.values()).mapToLong(f -> f.aliases().size()).sum();
    assertThat(keys).isEqualTo(aliases);
  }

  @Test
  void thePhoneFieldsAreTheFourNumbersWithTheirE164Attribute() {
    assertThat(ContactField.PHONES)
        .containsExactly(
            ContactField.OFFICE, ContactField.MOBILE, ContactField.HOME, ContactField.OTHER);
    assertThat(ContactField.MOBILE.e164Attribute()).isEqualTo("mobileE164");
    assertThat(ContactField.EMAIL.isPhone()).isFalse();
    assertThat(ContactField.CALL_DATA.maxLength()).isEqualTo(1024);
  }

  @Test
  void detailsReadAndBuildFieldByField() {
    ContactDetails details =
        ContactDetails.of(f -> f == ContactField.MOBILE ? " 06 12 34 56 78 " : null);

    assertThat(details.mobile()).isEqualTo("06 12 34 56 78");
    assertThat(details.value(ContactField.MOBILE)).isEqualTo("06 12 34 56 78");
    assertThat(details.value(ContactField.OFFICE)).isNull();
  }

  @Test
  void checkingKeepsTheE164FormOfEachPhoneField() {
    ContactDetails.Checked checked =
        ContactDetails.of(
                f ->
                    switch (f) {
                      case LAST_NAME -> "Martin";
                      case HOME -> "0033 4 78 00 00 00";
                      default -> null;
                    })
            .check(PhoneNumbers.of("FR"));

    assertThat(checked.valid()).isTrue();
    assertThat(checked.e164(ContactField.HOME)).isEqualTo("+33478000000");
    assertThat(checked.e164(ContactField.MOBILE)).isNull();
  }
}
