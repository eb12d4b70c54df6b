package org.relais.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneCredentialChangedTest {

  private static final PhoneCredential NO_PHONE = PhoneCredential.none("acme");
  private static final PhoneCredential PHONE_501 = new PhoneCredential("acme", "501", "ha1-a");

  @Test
  void aNewPasswordIsLearntForTheSamePhone() {
    PhoneCredential renewed = new PhoneCredential("acme", "501", "ha1-b");

    assertThat(new PhoneCredentialChanged(PHONE_501, renewed).entries()).containsExactly(renewed);
  }

  @Test
  void anotherExtensionForgetsTheOldPhoneAndGivesTheNewOneWhatItHas() {
    PhoneCredential moved = new PhoneCredential("acme", "502", null);

    assertThat(new PhoneCredentialChanged(PHONE_501, moved).entries())
        .containsExactly(new PhoneCredential("acme", "501", null), moved);
  }

  @Test
  void aDeletedAgentsPhoneIsForgotten() {
    assertThat(new PhoneCredentialChanged(PHONE_501, NO_PHONE).entries())
        .containsExactly(new PhoneCredential("acme", "501", null));
  }

  @Test
  void aNewAgentsPhoneIsLearntAndNothingChangesWhereNothingChanged() {
    assertThat(new PhoneCredentialChanged(NO_PHONE, PHONE_501).entries())
        .containsExactly(PHONE_501);
    assertThat(new PhoneCredentialChanged(PHONE_501, PHONE_501).entries()).isEmpty();
    assertThat(new PhoneCredentialChanged(NO_PHONE, NO_PHONE).entries()).isEmpty();
  }
}
