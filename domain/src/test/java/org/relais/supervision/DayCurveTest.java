package org.relais.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.call.CallOutcome;
import org.relais.supervision.DayCurve.GroupCalls;
import org.relais.supervision.DayCurve.Slot;

class DayCurveTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final OffsetDateTime MIDNIGHT =
      OffsetDateTime.of(
          2026,
          3,
          2,
          0,
          0,
          0,
          0,
          PARIS.getRules().getOffset(Instant.parse("2026-03-02T00:00:00Z")));

  /** The wall clock, at this many minutes past midnight. */
  private static OffsetDateTime clockAt(int minutes) {
    Clock clock = Clock.fixed(MIDNIGHT.plusMinutes(minutes).toInstant(), PARIS);
    return OffsetDateTime.now(clock);
  }

  private static CallTrace answered(int minute, int waitSeconds) {
    OffsetDateTime arrived = MIDNIGHT.plusMinutes(minute);
    return new CallTrace(
        arrived,
        arrived.plusSeconds(waitSeconds),
        arrived.plusSeconds(waitSeconds + 60),
        CallOutcome.ANSWERED,
        0);
  }

  private static CallTrace abandoned(int minute) {
    OffsetDateTime arrived = MIDNIGHT.plusMinutes(minute);
    return new CallTrace(arrived, null, arrived.plusSeconds(40), CallOutcome.ABANDONED, 0);
  }

  @Test
  void theCurveRunsFromMidnightToTheQuarterUnderWayAndCountsEachCallInTheQuarterItArrivedIn() {
    List<CallTrace> calls =
        List.of(answered(1, 5), answered(14, 30), abandoned(16), answered(45, 10));

    List<Slot> curve = DayCurve.of(List.of(new GroupCalls(20, calls)), MIDNIGHT, clockAt(46));

    assertThat(curve).hasSize(4);
    assertThat(curve)
        .extracting(Slot::from)
        .containsExactly(
            MIDNIGHT, MIDNIGHT.plusMinutes(15), MIDNIGHT.plusMinutes(30), MIDNIGHT.plusMinutes(45));
    assertThat(curve).extracting(Slot::offered).containsExactly(2L, 1L, 0L, 1L);
    assertThat(curve).extracting(Slot::answered).containsExactly(2L, 0L, 0L, 1L);
    assertThat(curve).extracting(Slot::abandoned).containsExactly(0L, 1L, 0L, 0L);
    assertThat(curve).extracting(Slot::serviceLevel).containsExactly(0.5, null, null, 1.0);
  }

  @Test
  void eachGroupsCallsAreJudgedAgainstItsOwnServiceLevelSeconds() {
    GroupCalls patient = new GroupCalls(60, List.of(answered(2, 45)));
    GroupCalls hurried = new GroupCalls(10, List.of(answered(3, 45), answered(4, 5)));

    List<Slot> curve = DayCurve.of(List.of(patient, hurried), MIDNIGHT, clockAt(10));

    assertThat(curve)
        .singleElement()
        .satisfies(
            slot -> {
              assertThat(slot.offered()).isEqualTo(3);
              assertThat(slot.serviceLevel()).isEqualTo(2.0 / 3);
            });
  }

  @Test
  void callsOfAnotherDayOrNotYetArrivedAreLeftOut() {
    List<CallTrace> calls = List.of(answered(-5, 1), answered(20, 1));

    List<Slot> curve = DayCurve.of(List.of(new GroupCalls(20, calls)), MIDNIGHT, clockAt(7));

    assertThat(curve).singleElement().extracting(Slot::offered).isEqualTo(0L);
  }

  @Test
  void beforeTheDayStartsThereIsNoCurve() {
    assertThat(DayCurve.of(List.of(), MIDNIGHT, clockAt(-1))).isEmpty();
  }
}
