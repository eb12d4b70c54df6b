package org.relais.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle =
      new LoginThrottle(
          clock,
          new LoginThrottle.Limits(
              5, Duration.ofSeconds(30), Duration.ofMinutes(15), 2, true, 100));

  @Test
  void fourFailuresAreNotThrottled() {
    failTimes(4);

    assertThat(throttle.begin("demo/agent1")).isEmpty();
  }

  @Test
  void fifthFailureLocksForTheFirstDelayThenOpensAgain() {
    failTimes(5);

    assertThat(throttle.begin("demo/agent1")).contains(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(29));
    assertThat(throttle.begin("demo/agent1")).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.begin("demo/agent1")).isEmpty();
  }

  @Test
  void eachFurtherFailureDoublesTheDelayUpToTheCeiling() {
    failTimes(5);
    clock.advance(Duration.ofSeconds(30));
    failTimes(1);
    assertThat(throttle.begin("demo/agent1")).contains(Duration.ofSeconds(60));

    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofMinutes(15));
      failTimes(1);
    }
    assertThat(throttle.begin("demo/agent1")).contains(Duration.ofMinutes(15));
  }

  @Test
  void attemptsInProgressCountAsFailuresSoParallelGuessesMeetTheLimit() {
    int checked = 0;
    for (int i = 0; i < 30; i++) {
      if (throttle.begin("demo/agent1").isEmpty()) {
        checked++;
        if (checked % 2 == 0) {
          // two in flight at most: the first of them ends before the next can start
          throttle.failed("demo/agent1");
          throttle.failed("demo/agent1");
        }
      }
    }

    assertThat(checked).isEqualTo(5);
  }

  @Test
  void noMoreThanTheCapOfAttemptsAreCheckedAtOnce() {
    assertThat(throttle.begin("demo/agent1")).isEmpty();
    assertThat(throttle.begin("demo/agent1")).isEmpty();

    assertThat(throttle.begin("demo/agent1")).contains(Duration.ofSeconds(1));
    throttle.succeeded("demo/agent1");
    assertThat(throttle.begin("demo/agent1")).isEmpty();
  }

  @Test
  void successForgetsFailures() {
    failTimes(4);

    throttle.begin("demo/agent1");
    throttle.succeeded("demo/agent1");
    failTimes(4);

    assertThat(throttle.begin("demo/agent1")).isEmpty();
  }

  @Test
  void aThrottleWhoseSuccessesDoNotForgetCountsOnlyTheFailures() {
    LoginThrottle byAddress =
        new LoginThrottle(
            clock,
            new LoginThrottle.Limits(
                3, Duration.ofSeconds(30), Duration.ofMinutes(15), 2, false, 100));
    for (int i = 0; i < 2; i++) {
      byAddress.begin("192.0.2.1");
      byAddress.failed("192.0.2.1");
    }
    for (int i = 0; i < 10; i++) {
      assertThat(byAddress.begin("192.0.2.1")).isEmpty();
      byAddress.succeeded("192.0.2.1");
    }

    byAddress.begin("192.0.2.1");
    byAddress.failed("192.0.2.1");

    assertThat(byAddress.begin("192.0.2.1")).contains(Duration.ofSeconds(30));
  }

  @Test
  void anAttemptWithdrawnBeforeItsCheckCountsNothing() {
    failTimes(4);

    throttle.begin("demo/agent1");
    throttle.withdraw("demo/agent1");

    assertThat(throttle.refusal("demo/agent1")).isEmpty();
    assertThat(throttle.begin("demo/agent1")).isEmpty();
  }

  @Test
  void keysAreThrottledSeparately() {
    failTimes(5);

    assertThat(throttle.begin("demo/agent2")).isEmpty();
    assertThat(throttle.begin("acme/agent1")).isEmpty();
  }

  @Test
  void failuresAreForgottenAQuarterOfAnHourAfterTheLockEnds() {
    failTimes(5);

    clock.advance(Duration.ofSeconds(30).plus(LoginThrottle.FORGET_AFTER));
    throttle.begin("demo/other");

    assertThat(throttle.size()).isEqualTo(1);
    failTimes(4);
    assertThat(throttle.begin("demo/agent1")).isEmpty();
  }

  @Test
  void keysNeverExceedTheCapTheQuietestGoingFirst() {
    for (int i = 0; i < 250; i++) {
      clock.advance(Duration.ofSeconds(1));
      fail("demo/guess" + i);
    }

    assertThat(throttle.size()).isEqualTo(100);
  }

  private void failTimes(int times) {
    for (int i = 0; i < times; i++) {
      fail("demo/agent1");
    }
  }

  private void fail(String key) {
    Optional<Duration> refusal = throttle.begin(key);
    assertThat(refusal).isEmpty();
    throttle.failed(key);
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-23T09:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
