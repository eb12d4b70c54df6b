package org.relais.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.operations.LogLine;

/**
 * Checks who is logging in: an agent of an account ({@code login@account}) or the platform
 * operator.
 *
 * <p>Guessing is throttled twice ({@link LoginThrottle}): per account and login, with a short
 * ceiling so that nobody can lock another user (the operator included) out for long, and per client
 * address, with a long one, which is what stops a guesser. Each attempt counts before its password
 * is hashed, so a burst of parallel guesses is refused after the first few, and costs the server
 * almost nothing. An unknown login, or a disabled agent, is hashed against a dummy hash: it takes
 * as long as a wrong password, so response times do not tell which logins exist.
 *
 * <p>Since PBKDF2 costs hundreds of milliseconds by design, a successful check is remembered for a
 * few minutes under a keyed hash of the credentials (never the password itself), so that API
 * clients sending Basic credentials on every request pay neither it nor a query each time. What was
 * remembered of an agent no longer counts as soon as a change to its password, role or enabled
 * flag, or its removal, commits ({@link CredentialVersions}): its next request is checked against
 * the database again.
 */
@ApplicationScoped
public class CredentialVerifier {

  public static final String OPERATOR = "operator";
  private static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
  private static final int REMEMBERED_MAX = 10_000;
  private static final int LOGIN_FREE_FAILURES = 5;

  /** Attempts of one login checked at once: more cannot be a person typing. */
  private static final int LOGIN_IN_FLIGHT = 2;

  private static final Duration ADDRESS_MAX_DELAY = Duration.ofMinutes(15);
  private static final int THROTTLED_KEYS_MAX = 100_000;

  @Inject AgentService agents;
  @Inject CredentialVersions versions;
  @Inject ApiTokens tokens;
  @Inject PasswordHasher hasher;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "relais.operator.password")
  Optional<String> operatorPassword;

  @Inject
  @ConfigProperty(name = "relais.login.throttle.first-delay-seconds", defaultValue = "30")
  long firstDelaySeconds;

  /** The longest lock of one login: short, since anyone can cause it. */
  @Inject
  @ConfigProperty(name = "relais.login.throttle.login-max-delay-seconds", defaultValue = "60")
  long loginMaxDelaySeconds;

  /** Failures one client address may make, whatever logins it tries, before it waits. */
  @Inject
  @ConfigProperty(name = "relais.login.throttle.address-free-failures", defaultValue = "30")
  int addressFreeFailures;

  private LoginThrottle byLogin;
  private LoginThrottle byAddress;
  private String dummyHash;
  private SecretKeySpec rememberKey;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    Duration firstDelay = Duration.ofSeconds(firstDelaySeconds);
    byLogin =
        new LoginThrottle(
            clock,
            new LoginThrottle.Limits(
                LOGIN_FREE_FAILURES,
                firstDelay,
                Duration.ofSeconds(Math.max(firstDelaySeconds, loginMaxDelaySeconds)),
                LOGIN_IN_FLIGHT,
                true,
                THROTTLED_KEYS_MAX));
    byAddress =
        new LoginThrottle(
            clock,
            new LoginThrottle.Limits(
                addressFreeFailures,
                firstDelay,
                ADDRESS_MAX_DELAY,
                Integer.MAX_VALUE,
                false,
                THROTTLED_KEYS_MAX));
    SecureRandom random = new SecureRandom();
    byte[] key = new byte[32];
    random.nextBytes(key);
    rememberKey = new SecretKeySpec(key, "HmacSHA256");
    dummyHash = hasher.hash(Base64.getEncoder().encodeToString(key));
  }

  /**
   * @param user {@code login@account}, or {@code operator}
   * @param clientAddress the address the attempt comes from
   */
  public Verification verify(String user, String password, String clientAddress) {
    Verification verification = verification(user, password, clientAddress);
    if (!(verification instanceof Verification.Verified)) {
      LogLine.of(
              "login refused",
              "user",
              LogLine.typed(user),
              "address",
              clientAddress,
              "reason",
              verification instanceof Verification.Throttled ? "throttled" : "rejected")
          .log();
    }
    return verification;
  }

  private Verification verification(String user, String password, String clientAddress) {
    if (user == null || password == null) {
      return new Verification.Rejected();
    }
    if (OPERATOR.equals(user)) {
      return throttled(
          List.of(new ThrottleKey(byLogin, OPERATOR), new ThrottleKey(byAddress, clientAddress)),
          null,
          () -> verifyOperator(password));
    }
    Optional<AgentPrincipal> name = AgentPrincipal.parse(user);
    if (name.isEmpty()) {
      return new Verification.Rejected();
    }
    String accountName = name.get().account();
    String login = name.get().login();
    String key = rememberKey(accountName, login, password);
    return throttled(
        List.of(
            new ThrottleKey(byLogin, (accountName + "/" + login).toLowerCase(Locale.ROOT)),
            new ThrottleKey(byAddress, clientAddress)),
        key,
        () -> check(key, accountName, login, password));
  }

  /**
   * Checks an API token's secret ({@link ApiTokens}). Only the address is throttled: a secret names
   * no login, and its 256 random bits are not guessed anyway; the throttle keeps the database from
   * being hammered.
   */
  public Verification verifyToken(String secret, String clientAddress) {
    return throttled(
        List.of(new ThrottleKey(byAddress, clientAddress)),
        null,
        () ->
            tokens
                .authenticate(secret)
                .<Verification>map(verified -> verified)
                .orElseGet(Verification.Rejected::new));
  }

  /**
   * Runs {@code check} under the throttles' keys. Credentials remembered as verified pass without
   * it (and without counting as an attempt, so that a client's parallel requests are not taken for
   * a burst), but only while no throttle refuses: a locked login learns nothing, not even from
   * memory.
   */
  private Verification throttled(
      List<ThrottleKey> keys, String rememberedKey, Supplier<Verification> check) {
    Optional<Duration> wait =
        keys.stream().map(ThrottleKey::refusal).flatMap(Optional::stream).findFirst();
    if (wait.isPresent()) {
      return new Verification.Throttled(wait.get());
    }
    if (rememberedKey != null) {
      Optional<Verification> known = remembered(rememberedKey);
      if (known.isPresent()) {
        return known.get();
      }
    }
    List<ThrottleKey> begun = new ArrayList<>();
    for (ThrottleKey key : keys) {
      wait = key.begin();
      if (wait.isPresent()) {
        begun.forEach(ThrottleKey::withdraw);
        return new Verification.Throttled(wait.get());
      }
      begun.add(key);
    }
    Verification result;
    try {
      result = check.get();
    } catch (RuntimeException e) {
      // The database failing is no failed login: an outage must not lock everyone out after it.
      keys.forEach(ThrottleKey::withdraw);
      throw e;
    }
    boolean verified = result instanceof Verification.Verified;
    keys.forEach(key -> key.ended(verified));
    return result;
  }

  /** One throttle's key for an attempt. */
  private record ThrottleKey(LoginThrottle throttle, String key) {
    Optional<Duration> refusal() {
      return throttle.refusal(key);
    }

    Optional<Duration> begin() {
      return throttle.begin(key);
    }

    void withdraw() {
      throttle.withdraw(key);
    }

    void ended(boolean verified) {
      if (verified) {
        throttle.succeeded(key);
      } else {
        throttle.failed(key);
      }
    }
  }

  private Optional<Verification> remembered(String key) {
    Remembered memory = remembered.get(key);
    if (memory != null
        && memory.verified.credentialsVersion() == versions.of(memory.verified.principal())
        && memory.until.isAfter(clock.instant())) {
      return Optional.of(memory.verified);
    }
    return Optional.empty();
  }

  private Verification check(String key, String accountName, String login, String password) {
    // Read before the agent: if a change commits after the read, what is verified below is
    // already stale and will not be trusted.
    String principal = new AgentPrincipal(login, accountName).name();
    long version = versions.of(principal);
    Optional<Agent> found = agents.signingIn(accountName, login);
    boolean usable = found.isPresent() && found.get().isEnabled();
    // Hashed whoever it is, so that an unknown or disabled login costs what a wrong password does.
    boolean matches = hasher.matches(password, usable ? found.get().getPasswordHash() : dummyHash);
    if (!usable || !matches) {
      return new Verification.Rejected();
    }
    Agent agent = found.get();
    Verification.Verified verified =
        new Verification.Verified(principal, agent.getRole().securityName(), version);
    Instant now = clock.instant();
    if (remembered.size() >= REMEMBERED_MAX) {
      remembered.values().removeIf(r -> !r.until.isAfter(now));
    }
    if (remembered.size() < REMEMBERED_MAX) {
      remembered.put(key, new Remembered(verified, now.plus(REMEMBERED_FOR)));
    }
    return verified;
  }

  private Verification verifyOperator(String password) {
    boolean ok =
        operatorPassword.isPresent()
            && !operatorPassword.get().isEmpty()
            && MessageDigest.isEqual(
                operatorPassword.get().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
    return ok ? new Verification.Verified(OPERATOR, OPERATOR, 0) : new Verification.Rejected();
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

  private record Remembered(Verification.Verified verified, Instant until) {}
}
