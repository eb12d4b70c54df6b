package org.relais.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.relais.InvalidFieldException;

class ContactSearchTest {

  private final PhoneNumbers france = PhoneNumbers.of("FR");

  @Test
  void aBlankQueryListsWhatTheViewerSees() {
    ContactSearch search = new ContactSearch(1, 7L, "  ", france);

    assertThat(search.words()).isEmpty();
    assertThat(search.where()).isEqualTo(ContactSearch.VISIBLE);
    assertThat(search.parameters()).containsEntry("account", 1L).containsEntry("viewer", 7L);
  }

  @Test
  void withoutAViewerOnlyPublicContactsAreSearched() {
    ContactSearch search = new ContactSearch(1, null, null, france);

    assertThat(search.where()).isEqualTo(ContactSearch.PUBLIC);
    assertThat(search.parameters()).doesNotContainKey("viewer");
  }

  @Test
  void everyWordMustBeInTheFoldedTextWhateverAccentsAndCase() {
    ContactSearch search = new ContactSearch(1, null, " Élodie  CŒUR ", france);

    assertThat(search.words()).containsExactly("elodie", "coeur");
    assertThat(search.parameters()).containsEntry("w0", "%elodie%").containsEntry("w1", "%coeur%");
    assertThat(search.where())
        .contains("c.searchText LIKE :w0 ESCAPE '!' AND c.searchText LIKE :w1 ESCAPE '!'");
    assertThat(search.number()).isEmpty();
    assertThat(search.digits()).isEmpty();
  }

  @Test
  void likeWildcardsInTheQueryAreSearchedLiterally() {
    ContactSearch search = new ContactSearch(1, null, "50%_off!", france);

    assertThat(search.parameters()).containsEntry("w0", "%50!%!_off!!%");
  }

  @Test
  void aNumberInAnyFormatMatchesItsE164FormInTheFourPhoneFields() {
    for (String typed : new String[] {"06 12 34 56 78", "+33612345678", "0033 6 12.34.56.78"}) {
      ContactSearch search = new ContactSearch(1, null, typed, france);

      assertThat(search.number()).contains("+33612345678");
      assertThat(search.where())
          .contains(
              "c.officeE164 = :n OR c.mobileE164 = :n OR c.homeE164 = :n OR c.otherE164 = :n");
    }
  }

  @Test
  void threeDigitsOrMoreMatchPartOfANumberWithoutTheTrunkPrefix() {
    assertThat(new ContactSearch(1, null, "06 12", france).digits()).contains("612");
    assertThat(new ContactSearch(1, null, "0044 20", france).digits()).contains("4420");
    assertThat(new ContactSearch(1, null, "+44 20", france).digits()).contains("4420");
    assertThat(new ContactSearch(1, null, "0612", france).number()).isEmpty();
    assertThat(new ContactSearch(1, null, "06", france).digits()).isEmpty();
    assertThat(new ContactSearch(1, null, "Dupont 0612", france).digits()).isEmpty();

    ContactSearch partial = new ContactSearch(1, null, "45 67", france);
    assertThat(partial.parameters()).containsEntry("d", "%4567%");
    assertThat(partial.where()).contains("c.mobileE164 LIKE :d");
  }

  @Test
  void aQueryOfMoreThanTwoHundredCharactersIsRefusedNamingQ() {
    assertThatThrownBy(() -> new ContactSearch(1, null, "a".repeat(201), france))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).getField())
        .isEqualTo("q");
  }
}
