package org.relais.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;

/**
 * Checks who is logging in: an agent of an account ({@code login@account}) or the platform
 * operator. Failed attempts are throttled per account and login. Since PBKDF2 costs hundreds of
 * milliseconds by design, a successful check is remembered for a few minutes under a keyed hash of
 * the credentials (never the password itself), so that API clients sending Basic credentials on
 * every request pay neither it nor a query each time. Whatever was remembered is forgotten as soon
 * as a change to an agent's password, role or enabled flag, or an agent's removal, commits ({@link
 * AgentCredentialsChanged}): the next request of each client is checked against the database again.
 */
@ApplicationScoped
public class CredentialVerifier {

  public static final String OPERATOR = "operator";
  private static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
  private static final int REMEMBERED_MAX = 10_000;

  @Inject AgentService agents;
  @Inject PasswordHasher hasher;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "relais.operator.password")
  Optional<String> operatorPassword;

  @Inject
  @ConfigProperty(name = "relais.login.throttle.first-delay-seconds", defaultValue = "30")
  long firstDelaySeconds;

  private LoginThrottle throttle;
  private SecretKeySpec rememberKey;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  /**
   * Counts the committed changes to agents' credentials; what was verified under an older count is
   * no longer trusted.
   */
  private final AtomicLong credentialChanges = new AtomicLong();

  @PostConstruct
  void init() {
    throttle =
        new LoginThrottle(clock, Duration.ofSeconds(firstDelaySeconds), Duration.ofMinutes(15));
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    rememberKey = new SecretKeySpec(key, "HmacSHA256");
  }

  /**
   * @param user {@code login@account}, or {@code operator}
   */
  public Verification verify(String user, String password) {
    if (user == null || password == null) {
      return new Verification.Rejected();
    }
    if (OPERATOR.equals(user)) {
      return verifyOperator(password);
    }
    return AgentPrincipal.parse(user)
        .map(name -> verify(name.account(), name.login(), password))
        .orElseGet(Verification.Rejected::new);
  }

  public Verification verify(String accountName, String login, String password) {
    String throttleKey = (accountName + "/" + login).toLowerCase(Locale.ROOT);
    Optional<Duration> wait = throttle.refusal(throttleKey);
    if (wait.isPresent()) {
      return new Verification.Throttled(wait.get());
    }
    String key = rememberKey(accountName, login, password);
    Verification result = remembered(key).orElseGet(() -> check(key, accountName, login, password));
    if (result instanceof Verification.Verified) {
      throttle.succeeded(throttleKey);
    } else {
      throttle.failed(throttleKey);
    }
    return result;
  }

  /** Forgets every verification: the change is committed, so the next check reads it. */
  void credentialsChanged(
      @Observes(during = TransactionPhase.AFTER_COMPLETION) AgentCredentialsChanged change) {
    credentialChanges.incrementAndGet();
  }

  private Optional<Verification> remembered(String key) {
    Remembered memory = remembered.get(key);
    if (memory != null
        && memory.changesSeen == credentialChanges.get()
        && memory.until.isAfter(clock.instant())) {
      return Optional.of(memory.verified);
    }
    return Optional.empty();
  }

  private Verification check(String key, String accountName, String login, String password) {
    // Counted before reading: if a change commits after the read, what is remembered below is
    // already stale and will not be trusted.
    long changesSeen = credentialChanges.get();
    Optional<Agent> found = agents.signingIn(accountName, login);
    if (found.isEmpty()
        || !found.get().isEnabled()
        || !hasher.matches(password, found.get().getPasswordHash())) {
      return new Verification.Rejected();
    }
    Agent agent = found.get();
    Verification.Verified verified =
        new Verification.Verified(
            new AgentPrincipal(agent.getLogin(), accountName).name(),
            agent.getRole().securityName());
    Instant now = clock.instant();
    if (remembered.size() >= REMEMBERED_MAX) {
      remembered.values().removeIf(r -> !r.until.isAfter(now));
    }
    if (remembered.size() < REMEMBERED_MAX) {
      remembered.put(key, new Remembered(verified, changesSeen, now.plus(REMEMBERED_FOR)));
    }
    return verified;
  }

  private Verification verifyOperator(String password) {
    Optional<Duration> wait = throttle.refusal(OPERATOR);
    if (wait.isPresent()) {
      return new Verification.Throttled(wait.get());
    }
    boolean ok =
        operatorPassword.isPresent()
            && !operatorPassword.get().isEmpty()
            && MessageDigest.isEqual(
                operatorPassword.get().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
    if (!ok) {
      throttle.failed(OPERATOR);
      return new Verification.Rejected();
    }
    throttle.succeeded(OPERATOR);
    return new Verification.Verified(OPERATOR, OPERATOR);
  }

  private String rememberKey(String accountName, String login, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(rememberKey);
      byte[] digest =
          mac.doFinal(
              (accountName + '\0' + login + '\0' + password).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private record Remembered(Verification.Verified verified, long changesSeen, Instant until) {}
}
