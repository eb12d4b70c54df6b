package org.relais.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.InvalidFieldException;

/**
 * Hashes and verifies passwords with PBKDF2-HMAC-SHA256 at 600,000 iterations (OWASP 2023). It is
 * deliberately slow; callers that verify often remember successful checks instead of paying it
 * again.
 *
 * <p>A new password has {@value #MIN_PASSWORD_LENGTH} characters or more (OWASP ASVS 4.0 L2,
 * 2.1.1); only demo mode, whose accounts are {@code admin/admin} and the like, accepts {@value
 * #DEMO_MIN_PASSWORD_LENGTH}. Passwords set before keep working: the rule is for new ones.
 */
@ApplicationScoped
public class PasswordHasher {

  public static final int MIN_PASSWORD_LENGTH = 12;
  public static final int DEMO_MIN_PASSWORD_LENGTH = 4;
  public static final int MAX_PASSWORD_LENGTH = 128;

  @Inject Pbkdf2PasswordHash pbkdf2;

  @Inject
  @ConfigProperty(name = "relais.demo", defaultValue = "false")
  boolean demo;

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
    int min = demo ? DEMO_MIN_PASSWORD_LENGTH : MIN_PASSWORD_LENGTH;
    if (password == null || password.length() < min || password.length() > MAX_PASSWORD_LENGTH) {
      throw new InvalidFieldException(
          "password", min + " to " + MAX_PASSWORD_LENGTH + " characters");
    }
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return password != null && pbkdf2.verify(password.toCharArray(), hash);
  }
}
