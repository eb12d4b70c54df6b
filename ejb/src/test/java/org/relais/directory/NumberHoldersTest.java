package org.relais.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relais.account.Account;

class NumberHoldersTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
  private final Account account = new Account("demo", NOW);
  private final PhoneNumbers france = PhoneNumbers.of("FR");

  @Test
  void theViewersPrivateContactWinsOverAnOlderPublicOne() {
    Contact older = contact("Public", null, NOW, "06 12 34 56 78");
    Contact mine = contact("Mine", 7L, NOW.plusDays(1), "+33612345678");
    NumberHolders holders = new NumberHolders(Set.of("+33612345678"));

    holders.offerAll(List.of(older, mine));

    assertThat(holders.chosen()).extractingByKey("+33612345678").isSameAs(mine);
  }

  @Test
  void amongEqualsTheOldestWinsWhateverTheOrderFound() {
    Contact first = contact("First", null, NOW, "01 23 45 67 89");
    Contact second = contact("Second", null, NOW.plusMinutes(1), "01 23 45 67 89");

    NumberHolders holders = new NumberHolders(Set.of("+33123456789"));
    holders.offerAll(List.of(second, first));

    assertThat(holders.chosen()).extractingByKey("+33123456789").isSameAs(first);
  }

  @Test
  void aContactCountsForEachAskedNumberItHasInAnyField() {
    Contact both =
        new Contact(
            account,
            null,
            new ContactDetails(
                "Both",
                null,
                null,
                null,
                "04 78 00 00 00",
                "06 00 00 00 01",
                null,
                null,
                null,
                null,
                null,
                null),
            france,
            NOW);

    NumberHolders holders = new NumberHolders(Set.of("+33478000000", "+33600000001", "+33699"));
    holders.offer(both);

    assertThat(holders.chosen()).containsOnlyKeys("+33478000000", "+33600000001");
    assertThat(holders.chosen().values()).allSatisfy(c -> assertThat(c).isSameAs(both));
  }

  private Contact contact(String name, Long owner, OffsetDateTime created, String mobile) {
    return new Contact(
        account,
        owner,
        new ContactDetails(
            name, null, null, null, null, mobile, null, null, null, null, null, null),
        france,
        created);
  }
}
