package org.relais.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relais.directory.ContactDetails;
import org.relais.directory.PhoneNumbers;

/** The demo data loads at the first start of the run command: a refused field would stop it. */
class DemoDataTest {

  @Test
  void demoContactsAreValidInTheDemoAccountsCountry() {
    PhoneNumbers france = PhoneNumbers.of("FR");

    for (ContactDetails contact : DemoData.CONTACTS) {
      assertThat(contact.problems(france)).as(contact.lastName()).isEmpty();
    }
  }

  @Test
  void theReadmesSampleCallerIsInTheDemoDirectory() {
    PhoneNumbers france = PhoneNumbers.of("FR");

    assertThat(DemoData.CONTACTS)
        .anySatisfy(
            c ->
                assertThat(france.e164(c.mobile() == null ? "" : c.mobile()))
                    .hasValue("+33600000000"));
  }
}
