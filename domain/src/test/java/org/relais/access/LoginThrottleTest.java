package org.relais.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle =
      new LoginThrottle(clock, Duration.ofSeconds(30), Duration.ofMinutes(15));

  @Test
  void fourFailuresAreNotThrottled() {
    failTimes(4);

    assertThat(throttle.refusal("demo/agent1")).isEmpty();
  }

  @Test
  void fifthFailureLocksForTheFirstDelayThenOpensAgain() {
    failTimes(5);

    assertThat(throttle.refusal("demo/agent1")).contains(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(29));
    assertThat(throttle.refusal("demo/agent1")).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.refusal("demo/agent1")).isEmpty();
  }

  @Test
  void eachFurtherFailureDoublesTheDelayUpToTheCeiling() {
    failTimes(6);
    assertThat(throttle.refusal("demo/agent1")).contains(Duration.ofSeconds(60));

    failTimes(10);
    assertThat(throttle.refusal("demo/agent1")).contains(Duration.ofMinutes(15));
  }

  @Test
  void successForgetsFailures() {
    failTimes(5);
    clock.advance(Duration.ofSeconds(30));

    throttle.succeeded("demo/agent1");
    throttle.failed("demo/agent1");

    assertThat(throttle.refusal("demo/agent1")).isEmpty();
  }

  @Test
  void keysAreThrottledSeparately() {
    failTimes(5);

    assertThat(throttle.refusal("demo/agent2")).isEmpty();
    assertThat(throttle.refusal("acme/agent1")).isEmpty();
  }

  private void failTimes(int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed("demo/agent1");
    }
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
