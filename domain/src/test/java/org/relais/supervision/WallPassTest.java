package org.relais.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WallPassTest {

  private static final byte[] KEY = new byte[32];
  private static final byte[] OTHER_KEY = new byte[32];

  static {
    Arrays.fill(KEY, (byte) 7);
    Arrays.fill(OTHER_KEY, (byte) 8);
  }

  private final Clock issued = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
  private final WallPass pass = new WallPass(12, 34, issued.instant());
  private final String text = pass.sign(KEY, "hash-of-sam|SUPERVISOR");

  private static Instant later(Clock clock, Duration by) {
    return Clock.offset(clock, by).instant();
  }

  @Test
  void aPassReadsBackAndVerifiesWithinItsLifetimeWhateverRestartedMeanwhile() {
    WallPass read = WallPass.read(text).orElseThrow();

    assertThat(read).isEqualTo(pass);
    assertThat(
            read.verifies(
                text, KEY.clone(), "hash-of-sam|SUPERVISOR", later(issued, Duration.ofHours(23))))
        .isTrue();
  }

  @Test
  void anExpiredPassOrOneFromTheFutureLetsNobodyIn() {
    assertThat(pass.verifies(text, KEY, "hash-of-sam|SUPERVISOR", later(issued, WallPass.LIFETIME)))
        .isFalse();
    assertThat(
            pass.verifies(
                text, KEY, "hash-of-sam|SUPERVISOR", later(issued, Duration.ofMinutes(-1))))
        .isFalse();
  }

  @Test
  void aNewPasswordOrRoleAnotherKeyOrAChangedPassLetsNobodyIn() {
    Instant now = later(issued, Duration.ofMinutes(5));

    assertThat(pass.verifies(text, KEY, "new-hash|SUPERVISOR", now)).isFalse();
    assertThat(pass.verifies(text, KEY, "hash-of-sam|AGENT", now)).isFalse();
    assertThat(pass.verifies(text, OTHER_KEY, "hash-of-sam|SUPERVISOR", now)).isFalse();
    String otherAgent = text.replaceFirst("^12\\.34\\.", "12.35.");
    assertThat(
            WallPass.read(otherAgent)
                .orElseThrow()
                .verifies(otherAgent, KEY, "hash-of-sam|SUPERVISOR", now))
        .isFalse();
  }

  @Test
  void textThatIsNoPassReadsAsNothing() {
    assertThat(WallPass.read(null)).isEmpty();
    assertThat(WallPass.read("12.34")).isEmpty();
    assertThat(WallPass.read("a.b.c.d")).isEmpty();
  }
}
