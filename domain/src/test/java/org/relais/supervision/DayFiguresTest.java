package org.relais.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.call.CallOutcome;

class DayFiguresTest {

  private static final OffsetDateTime NINE =
      OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);

  private static OffsetDateTime at(int seconds) {
    return NINE.plusSeconds(seconds);
  }

  private static CallTrace answered(int arrived, int answered, int ended, long afterCall) {
    return new CallTrace(at(arrived), at(answered), at(ended), CallOutcome.ANSWERED, afterCall);
  }

  @Test
  void aDayWithoutCallsMeetsItsServiceLevelAndAbandonsNothing() {
    assertThat(DayFigures.of(List.of(), 20, at(0))).isEqualTo(DayFigures.NONE);
  }

  @Test
  void theServiceLevelCountsAnsweredCallsWithinTheGroupsSecondsInclusive() {
    List<CallTrace> calls =
        List.of(
            answered(0, 20, 100, 0), // 20 s: within
            answered(0, 21, 100, 0), // 21 s: beyond
            answered(0, 5, 100, 0),
            new CallTrace(at(0), null, at(30), CallOutcome.ABANDONED, 0));

    DayFigures figures = DayFigures.of(calls, 20, at(200));

    assertThat(figures.offered()).isEqualTo(4);
    assertThat(figures.answered()).isEqualTo(3);
    assertThat(figures.abandoned()).isEqualTo(1);
    assertThat(figures.serviceLevel()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(figures.abandonRate()).isEqualTo(0.25);
    assertThat(DayFigures.of(calls, 30, at(200)).serviceLevel()).isEqualTo(1.0);
  }

  @Test
  void aCallStillWaitingIsOfferedButHasNoWaitYetNorAnyShareInTheServiceLevel() {
    List<CallTrace> calls =
        List.of(answered(0, 10, 70, 0), new CallTrace(at(100), null, null, null, 0));

    DayFigures figures = DayFigures.of(calls, 20, at(500));

    assertThat(figures.offered()).isEqualTo(2);
    assertThat(figures.averageWait()).isEqualTo(10);
    assertThat(figures.serviceLevel()).isEqualTo(1.0);
    assertThat(figures.abandonRate()).isEqualTo(0.0);
  }

  @Test
  void theAverageWaitCountsAbandonedAndLostCallsUntilTheyEnded() {
    List<CallTrace> calls =
        List.of(
            answered(0, 10, 70, 0),
            new CallTrace(at(0), null, at(50), CallOutcome.ABANDONED, 0),
            new CallTrace(at(0), null, at(30), CallOutcome.LOST, 0));

    assertThat(DayFigures.of(calls, 20, at(100)).averageWait()).isEqualTo(30);
  }

  @Test
  void handlingIsTalkPlusAfterCallWorkAndACallInProgressCountsUpToNow() {
    List<CallTrace> calls =
        List.of(
            answered(0, 10, 70, 20), // 60 talk + 20 after-call
            new CallTrace(at(0), at(10), null, null, 0)); // talking for 40 s at 50

    assertThat(DayFigures.of(calls, 20, at(50)).averageHandle()).isEqualTo((80 + 40) / 2);
  }
}
