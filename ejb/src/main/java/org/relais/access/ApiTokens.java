package org.relais.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.DuplicateException;
import org.relais.NoSuchEntityException;
import org.relais.account.Account;
import org.relais.agent.Role;

/**
 * An account's API tokens (API.md): an admin makes one for an integration, with a role; its secret
 * is answered once and kept only as an HMAC-SHA256. A secret is 256 random bits, so a fast hash is
 * enough (nobody guesses it, unlike a password) and a request costs one indexed read. The key is
 * {@code relais.tokens.key} where configured, so that a copy of the table alone checks nothing.
 *
 * <p>Nothing is remembered between requests: a revoked token fails at its next request. The time a
 * token was last used is written at most once a minute, not at every request.
 */
@ApplicationScoped
@Transactional
public class ApiTokens {

  /** What every secret starts with: tells it from a password in a log or a scanner's rule. */
  static final String PREFIX = "rls_";

  private static final int SECRET_BYTES = 32;
  private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "relais.tokens.key", defaultValue = "relais-api-token")
  String key;

  private final SecureRandom random = new SecureRandom();
  private SecretKeySpec hashKey;

  /** A token just made, with the secret that is never shown again. */
  public record Issued(ApiToken token, String secret) {}

  @PostConstruct
  void init() {
    hashKey = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public Issued issue(Account account, String name, Role role) {
    if (find(account, name).isPresent()) {
      throw new DuplicateException("name", name);
    }
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ApiToken token =
        new ApiToken(
            em.getReference(Account.class, account.getId()),
            name,
            role,
            hash(secret),
            OffsetDateTime.now(clock));
    em.persist(token);
    return new Issued(token, secret);
  }

  public List<ApiToken> list(Account account) {
    return em.createQuery(
            "SELECT t FROM ApiToken t WHERE t.account.id = :account ORDER BY t.name",
            ApiToken.class)
        .setParameter("account", account.getId())
        .getResultList();
  }

  public void revoke(Account account, String name) {
    em.remove(find(account, name).orElseThrow(() -> new NoSuchEntityException("token")));
  }

  /**
   * The identity a request's secret stands for: {@code token:<name>@<account>} with the token's
   * role; empty when no token has this secret (never made, or revoked).
   */
  public Optional<Verification.Verified> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Optional<ApiToken> found =
        em.createQuery("SELECT t FROM ApiToken t WHERE t.secretHash = :hash", ApiToken.class)
            .setParameter("hash", hash(secret))
            .getResultStream()
            .findFirst();
    found.ifPresent(this::noteUse);
    return found.map(
        token ->
            new Verification.Verified(
                new AgentPrincipal("token:" + token.getName(), token.getAccount().getName()).name(),
                token.getRole().securityName(),
                0));
  }

  private void noteUse(ApiToken token) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (token.getLastUsedAt() == null
        || token.getLastUsedAt().plus(LAST_USE_PRECISION).isBefore(now)) {
      token.usedAt(now);
    }
  }

  private Optional<ApiToken> find(Account account, String name) {
    return em.createQuery(
            "SELECT t FROM ApiToken t WHERE t.account.id = :account AND t.name = :name",
            ApiToken.class)
        .setParameter("account", account.getId())
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  private String hash(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashKey);
      return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
