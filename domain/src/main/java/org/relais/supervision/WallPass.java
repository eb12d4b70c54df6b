package org.relais.supervision;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What lets a wallboard's socket in (SPEC E5): a supervisor's or admin's word, signed with its
 * account's wallboard key, that the page it opened may follow the floor. A wall display stays up
 * for days and the server may restart meanwhile, taking the page's session with it: the pass, which
 * the page keeps, lets its socket back in without a login. It holds no secret: {@code
 * account.agent.issued.signature}.
 *
 * <p>The signature also covers what the person's credentials are when it is issued ({@code holder}:
 * the password hash and role): a new password, a new role, and the pass no longer verifies. Each
 * message on the socket brings a fresh pass, so an open wallboard never runs out.
 */
public record WallPass(long accountId, long agentId, Instant issuedAt) {

  /** How long a pass lets a socket in after it was issued. */
  public static final Duration LIFETIME = Duration.ofHours(24);

  private static final String MAC = "HmacSHA256";

  /** The pass as text, signed with the account's key for this holder. */
  public String sign(byte[] key, String holder) {
    String body = accountId + "." + agentId + "." + issuedAt.getEpochSecond();
    return body + "." + signature(key, body, holder);
  }

  /** What the text says, unverified; empty if it is no pass at all. */
  public static Optional<WallPass> read(String text) {
    String[] parts = text == null ? new String[0] : text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new WallPass(
              Long.parseLong(parts[0]),
              Long.parseLong(parts[1]),
              Instant.ofEpochSecond(Long.parseLong(parts[2]))));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the text is this pass signed with the key for the holder, and still within its lifetime
   * at {@code now}.
   */
  public boolean verifies(String text, byte[] key, String holder, Instant now) {
    boolean inTime = !issuedAt.isAfter(now) && now.isBefore(issuedAt.plus(LIFETIME));
    return inTime
        && MessageDigest.isEqual(
            sign(key, holder).getBytes(StandardCharsets.UTF_8),
            text.getBytes(StandardCharsets.UTF_8));
  }

  private static String signature(byte[] key, String body, String holder) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(new SecretKeySpec(key, MAC));
      mac.update(body.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] signed = mac.doFinal(holder.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
