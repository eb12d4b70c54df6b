package org.relais.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AttendanceTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final long ALICE = 1;

  @Test
  void afterAStartEveryAgentHasTheWholeSilenceToShowItself() {
    Attendance attendance = new Attendance(Clock.fixed(START, ZoneOffset.UTC));

    assertThat(attendance.there(ALICE, START)).isTrue();
    assertThat(attendance.there(ALICE, START.plusSeconds(1))).isFalse();
  }

  @Test
  void anAgentWithItsBannerOpenIsThereHoweverLongItSaysNothing() {
    Attendance attendance = new Attendance(Clock.fixed(START, ZoneOffset.UTC));

    attendance.bannerOpened(ALICE);

    assertThat(attendance.there(ALICE, START.plus(Duration.ofDays(1)))).isTrue();
  }

  @Test
  void anAgentIsThereUntilItsLastBannerCloses() {
    Attendance attendance = new Attendance(Clock.fixed(START, ZoneOffset.UTC));
    attendance.bannerOpened(ALICE);
    attendance.bannerOpened(ALICE);

    attendance.bannerClosed(ALICE);
    assertThat(attendance.there(ALICE, START.plusSeconds(60))).isTrue();
    attendance.bannerClosed(ALICE);
    assertThat(attendance.there(ALICE, START.plusSeconds(60))).isFalse();
    assertThat(attendance.there(ALICE, START)).isTrue();
  }

  @Test
  void aRequestShowsTheAgentIsThereAtItsTime() {
    Clock later = Clock.fixed(START.plusSeconds(600), ZoneOffset.UTC);
    Attendance attendance = new Attendance(later);

    attendance.seen(ALICE);

    assertThat(attendance.there(ALICE, START.plusSeconds(600))).isTrue();
    assertThat(attendance.there(ALICE, START.plusSeconds(601))).isFalse();
  }
}
