package org.relais.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.account.Account;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.agent.Role;

/**
 * The verifier with its real throttles and memory, in front of an agent directory and a hasher that
 * count what they are asked (the real hasher's cost is the point, not its arithmetic).
 */
class CredentialVerifierTest {

  private final Directory directory = new Directory();
  private final CountingHasher hasher = new CountingHasher();
  private final MovableClock clock = new MovableClock();
  private final CredentialVersions versions = new CredentialVersions();
  private final CredentialVerifier verifier = new CredentialVerifier();

  @BeforeEach
  void wire() {
    verifier.agents = directory;
    verifier.hasher = hasher;
    verifier.versions = versions;
    verifier.tokens = new KnownTokens();
    verifier.clock = clock;
    verifier.operatorPassword = Optional.of("operator-secret");
    verifier.firstDelaySeconds = 30;
    verifier.loginMaxDelaySeconds = 60;
    verifier.addressFreeFailures = 30;
    verifier.init();
    directory.add("agent1", "right-password", true);
    directory.add("gone", "right-password", false);
    hasher.checks.set(0);
  }

  @Test
  void thirtyParallelWrongPasswordsAreMostlyRefusedWithoutBeingHashed() throws Exception {
    hasher.delay = Duration.ofMillis(100);
    ExecutorService pool = Executors.newFixedThreadPool(30);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Verification>> answers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Callable<Verification> guess =
          () -> {
            start.await();
            return verifier.verify("agent1@demo", "guess", "192.0.2.1");
          };
      answers.add(pool.submit(guess));
    }
    start.countDown();
    int throttled = 0;
    for (Future<Verification> answer : answers) {
      if (answer.get() instanceof Verification.Throttled) {
        throttled++;
      }
    }
    pool.shutdown();

    assertThat(throttled).isGreaterThanOrEqualTo(25);
    assertThat(hasher.checks.get()).isLessThanOrEqualTo(5);
  }

  @Test
  void unknownAndDisabledLoginsAreHashedJustLikeAWrongPassword() {
    assertThat(checksFor("agent1@demo", "wrong-password")).isEqualTo(1);
    assertThat(checksFor("nobody@demo", "wrong-password")).isEqualTo(1);
    assertThat(checksFor("agent1@nowhere", "wrong-password")).isEqualTo(1);
    assertThat(checksFor("gone@demo", "right-password")).isEqualTo(1);
    assertThat(verifier.verify("gone@demo", "right-password", "192.0.2.1"))
        .isInstanceOf(Verification.Rejected.class);
  }

  @Test
  void anAddressThatGuessesManyLoginsIsLockedWhileItsVictimsStillLogInFromElsewhere() {
    for (int i = 0; i < 30; i++) {
      verifier.verify("login" + i + "@demo", "guess", "192.0.2.1");
    }

    assertThat(verifier.verify("agent1@demo", "right-password", "192.0.2.1"))
        .isInstanceOf(Verification.Throttled.class);
    assertThat(verifier.verify("agent1@demo", "right-password", "198.51.100.7"))
        .isInstanceOf(Verification.Verified.class);
  }

  @Test
  void nobodyLocksTheOperatorOutForMoreThanAMinute() {
    for (int round = 0; round < 20; round++) {
      String address = "192.0.2." + round;
      while (verifier.verify("operator", "guess", address) instanceof Verification.Rejected) {
        // guessing as fast as the throttle lets it
      }
      Verification refused = verifier.verify("operator", "guess", address);
      assertThat(((Verification.Throttled) refused).retryAfter())
          .isLessThanOrEqualTo(Duration.ofMinutes(1));
      clock.advance(((Verification.Throttled) refused).retryAfter());
    }

    assertThat(verifier.verify("operator", "operator-secret", "198.51.100.7"))
        .isInstanceOf(Verification.Verified.class);
  }

  @Test
  void aClientsParallelRequestsWithRememberedCredentialsAreNotABurst() {
    verifier.verify("agent1@demo", "right-password", "192.0.2.1");

    for (int i = 0; i < 10; i++) {
      assertThat(verifier.verify("agent1@demo", "right-password", "192.0.2.1"))
          .isInstanceOf(Verification.Verified.class);
    }
    assertThat(hasher.checks.get()).isEqualTo(1);
  }

  @Test
  void aChangeToAnAgentsCredentialsEndsWhatWasRememberedOfItAndOfItAlone() {
    directory.add("agent2", "right-password", true);
    verifier.verify("agent1@demo", "right-password", "192.0.2.1");
    verifier.verify("agent2@demo", "right-password", "192.0.2.1");

    versions.changed(new AgentCredentialsChanged("agent1@demo"));
    Verification agent1 = verifier.verify("agent1@demo", "right-password", "192.0.2.1");
    verifier.verify("agent2@demo", "right-password", "192.0.2.1");

    assertThat(hasher.checks.get()).isEqualTo(3);
    assertThat(((Verification.Verified) agent1).credentialsVersion()).isEqualTo(1);
  }

  @Test
  void aGuesserOfTokensIsThrottledByItsAddressAndTheTokensStillWorkFromElsewhere() {
    for (int i = 0; i < 30; i++) {
      assertThat(verifier.verifyToken(ApiTokens.PREFIX + "guess" + i, "192.0.2.1"))
          .isInstanceOf(Verification.Rejected.class);
    }

    assertThat(verifier.verifyToken(KnownTokens.CRM, "192.0.2.1"))
        .isInstanceOf(Verification.Throttled.class);
    assertThat(verifier.verifyToken(KnownTokens.CRM, "198.51.100.7"))
        .isEqualTo(new Verification.Verified("token:crm@demo", "supervisor", 0));
  }

  private int checksFor(String user, String password) {
    int before = hasher.checks.get();
    verifier.verify(user, password, "192.0.2.1");
    return hasher.checks.get() - before;
  }

  /** The agents of account {@code demo}. */
  private static final class Directory extends AgentService {
    private final Account demo = new Account("demo", OffsetDateTime.now(ZoneOffset.UTC));
    private final Map<String, Agent> byLogin = new ConcurrentHashMap<>();

    void add(String login, String password, boolean enabled) {
      Agent agent = new Agent(demo, login, login, "hash:" + password, Role.AGENT);
      if (!enabled) {
        agent.disable();
      }
      byLogin.put(login, agent);
    }

    @Override
    public Optional<Agent> signingIn(String accountName, String login) {
      return "demo".equals(accountName)
          ? Optional.ofNullable(byLogin.get(login))
          : Optional.empty();
    }
  }

  /** One token of account {@code demo}, without a database. */
  private static final class KnownTokens extends ApiTokens {
    static final String CRM = ApiTokens.PREFIX + "crm-secret";

    @Override
    public Optional<Verification.Verified> authenticate(String secret) {
      return CRM.equals(secret)
          ? Optional.of(new Verification.Verified("token:crm@demo", "supervisor", 0))
          : Optional.empty();
    }
  }

  /** Counts the checks it makes, each taking {@code delay}. */
  private static final class CountingHasher extends PasswordHasher {
    final AtomicInteger checks = new AtomicInteger();
    volatile Duration delay = Duration.ZERO;

    @Override
    public String hash(String password) {
      return "hash:" + password;
    }

    @Override
    public boolean matches(String password, String hash) {
      checks.incrementAndGet();
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return hash.equals("hash:" + password);
    }
  }

  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-23T09:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
