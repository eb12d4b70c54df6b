package org.relais.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneCredentialTest {

  @Test
  void theHa1IsTheMd5OfExtensionRealmAndPasswordAsADigestClientComputesIt() {
    // RFC 2617's HA1 for user 501, realm acme, password "right-pass", as SIPp and phones make it.
    assertThat(PhoneCredential.ha1("501", "acme", "right-pass"))
        .isEqualTo("be3293e66dc10c9ff4306fb2d296f7dd");
  }

  @Test
  void theSamePasswordGivesAnotherHa1ForAnotherExtensionOrAccount() {
    String ha1 = PhoneCredential.ha1("501", "acme", "right-pass");

    assertThat(PhoneCredential.ha1("502", "acme", "right-pass")).isNotEqualTo(ha1);
    assertThat(PhoneCredential.ha1("501", "globex", "right-pass")).isNotEqualTo(ha1);
  }

  @Test
  void aPhoneIsKnownToTheRegistrarByItsExtensionAtItsAccount() {
    assertThat(new PhoneCredential("acme", "501", "x").addressOfRecord()).isEqualTo("501@acme");
    assertThat(PhoneCredential.none("acme").hasPhone()).isFalse();
  }
}
