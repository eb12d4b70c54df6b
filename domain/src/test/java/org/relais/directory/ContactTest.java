package org.relais.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.relais.InvalidFieldException;
import org.relais.account.Account;
import org.relais.directory.ContactProblem.Reason;

class ContactTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
  private final Account account = new Account("demo", NOW);
  private final PhoneNumbers france = PhoneNumbers.of("FR");

  @Test
  void aContactKeepsNumbersAsTypedAndInE164() {
    Contact contact = new Contact(account, null, élodie("06 12 34 56 78"), france, NOW);

    assertThat(contact.getMobile()).isEqualTo("06 12 34 56 78");
    assertThat(contact.getMobileE164()).isEqualTo("+33612345678");
    assertThat(contact.hasNumber("+33612345678")).isTrue();
    assertThat(contact.getVisibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(contact.displayName()).isEqualTo("Élodie Lefèvre");
  }

  @Test
  void privateContactIsVisibleToItsOwnerOnly() {
    Contact contact = new Contact(account, 7L, élodie(null), france, NOW);

    assertThat(contact.getVisibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(contact.isVisibleTo(7L)).isTrue();
    assertThat(contact.isVisibleTo(8L)).isFalse();

    contact.share(Visibility.PUBLIC, null, NOW);
    assertThat(contact.isVisibleTo(8L)).isTrue();
  }

  @Test
  void searchTextIsFoldedNamesCompanyAndEmail() {
    assertThat(élodie(null).searchText())
        .isEqualTo("lefevre elodie coeur & fils elodie@exemple.fr");
  }

  @Test
  void aContactNeedsALastNameOrACompany() {
    ContactDetails nameless =
        new ContactDetails(null, "Jean", " ", null, null, null, null, null, null, null, null, null);

    assertThatThrownBy(() -> new Contact(account, null, nameless, france, NOW))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).getField())
        .isEqualTo("lastName");
  }

  @Test
  void everyProblemOfTheDetailsIsListedInFieldOrder() {
    ContactDetails bad =
        new ContactDetails(
            "x".repeat(129),
            null,
            null,
            "not-an-email",
            "01 23",
            "06 00 00 00 00",
            null,
            "abc",
            null,
            null,
            null,
            null);

    assertThat(bad.problems(france))
        .containsExactly(
            new ContactProblem("lastName", Reason.TOO_LONG, 128),
            new ContactProblem("email", Reason.INVALID_EMAIL),
            new ContactProblem("office", Reason.NUMBER_TOO_SHORT),
            new ContactProblem("other", Reason.NOT_A_NUMBER));
    assertThat(bad.problems(france).get(0).message())
        .isEqualTo("lastName: must be at most 128 characters");
  }

  @Test
  void editReplacesAllDetailsOrNone() {
    Contact contact = new Contact(account, null, élodie("0612345678"), france, NOW);

    assertThatThrownBy(() -> contact.edit(élodie("12"), france, NOW.plusDays(1)))
        .isInstanceOf(InvalidFieldException.class);
    assertThat(contact.getMobileE164()).isEqualTo("+33612345678");

    contact.edit(élodie(null), france, NOW.plusDays(1));
    assertThat(contact.getMobileE164()).isNull();
    assertThat(contact.getUpdatedAt()).isEqualTo(NOW.plusDays(1));
  }

  private static ContactDetails élodie(String mobile) {
    return new ContactDetails(
        "Lefèvre",
        "Élodie",
        "Cœur & Fils",
        "elodie@exemple.fr",
        null,
        mobile,
        null,
        null,
        "Client",
        null,
        null,
        null);
  }
}
