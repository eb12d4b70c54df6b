package org.relais.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes and verifies passwords with PBKDF2-HMAC-SHA256 at 600,000 iterations (OWASP 2023). It is
 * deliberately slow; callers that verify often remember successful checks instead of paying it
 * again.
 */
@ApplicationScoped
public class PasswordHasher {

  public static final int MIN_PASSWORD_LENGTH = 4;
  public static final int MAX_PASSWORD_LENGTH = 128;

  @Inject Pbkdf2PasswordHash pbkdf2;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "600000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
  }

  public String hash(String password) {
    if (password == null
        || password.length() < MIN_PASSWORD_LENGTH
        || password.length() > MAX_PASSWORD_LENGTH) {
      throw new org.relais.InvalidFieldException(
          "password", MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
    }
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return password != null && pbkdf2.verify(password.toCharArray(), hash);
  }
}
