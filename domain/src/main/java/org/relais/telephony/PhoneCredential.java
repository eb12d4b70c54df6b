package org.relais.telephony;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an agent's phone registers with at the SIP edge: its address of record, {@code
 * extension@account}, and the digest HA1 of the agent's SIP password (RFC 2617: the MD5 of {@code
 * extension:account:password}, the account being the realm). The registrar checks a digest with the
 * HA1 alone, so the password itself is never kept; the HA1 is worth nothing for another extension
 * or account.
 *
 * @param extension the phone's extension, null where the agent has none
 * @param ha1 null where the phone may not register (no SIP password, or none given since the
 *     extension changed)
 */
public record PhoneCredential(String account, String extension, String ha1) {

  /** No phone of the account: what an agent without an extension, or a deleted one, leaves. */
  public static PhoneCredential none(String account) {
    return new PhoneCredential(account, null, null);
  }

  /** The HA1 a phone's digest answers are checked against. */
  public static String ha1(String extension, String account, String password) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5")
              .digest(
                  (extension + ":" + account + ":" + password).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }

  /** The same phone, no longer allowed to register. */
  public PhoneCredential withoutPassword() {
    return new PhoneCredential(account, extension, null);
  }

  public boolean hasPhone() {
    return extension != null;
  }

  /** The registrar's key for the phone: {@code extension@account}. */
  public String addressOfRecord() {
    return extension + "@" + account;
  }
}
