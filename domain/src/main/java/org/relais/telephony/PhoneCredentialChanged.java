package org.relais.telephony;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An agent's phone credential changed: a new SIP password, another extension, or the agent is gone.
 * The registrar must forget the old address of record and learn the new one, or a phone could go on
 * registering with a password or an extension that no longer stands.
 */
public record PhoneCredentialChanged(PhoneCredential before, PhoneCredential after) {

  /**
   * What the registrar must now hold, address of record by address of record: a credential with an
   * HA1 to learn, or without one to forget. Empty where nothing changed.
   */
  public List<PhoneCredential> entries() {
    List<PhoneCredential> entries = new ArrayList<>();
    if (before.hasPhone() && !Objects.equals(before.extension(), after.extension())) {
      entries.add(before.withoutPassword());
    }
    if (after.hasPhone() && !after.equals(before)) {
      entries.add(after);
    }
    return entries;
  }
}
