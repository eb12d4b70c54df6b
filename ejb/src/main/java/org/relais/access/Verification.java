package org.relais.access;

import java.time.Duration;

/** The answer to a login attempt. */
public sealed interface Verification {

  /**
   * The caller is who it claims: {@code principal} is {@code login@account} or the operator, as of
   * {@code credentialsVersion} ({@link CredentialVersions}; always 0 for the operator).
   */
  record Verified(String principal, String role, long credentialsVersion) implements Verification {}

  /** Wrong account, login or password, or a disabled agent: the caller is not told which. */
  record Rejected() implements Verification {}

  /** Too many failures: no password is checked until {@code retryAfter} has passed. */
  record Throttled(Duration retryAfter) implements Verification {}
}
