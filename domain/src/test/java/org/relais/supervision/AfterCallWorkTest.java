package org.relais.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.presence.Activity;
import org.relais.supervision.AfterCallWork.Step;

class AfterCallWorkTest {

  private static final OffsetDateTime NINE =
      OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);

  private static Step step(int seconds, Activity activity, Long callId) {
    return new Step(NINE.plusSeconds(seconds), activity, callId);
  }

  @Test
  void qualificationAndWrapUpAfterTalkBelongToTheCallTalkedIn() {
    AfterCallWork work =
        new AfterCallWork()
            .add(
                List.of(
                    step(0, Activity.RINGING, 7L),
                    step(5, Activity.TALKING, 7L),
                    step(60, Activity.QUALIFYING, 7L),
                    step(75, Activity.WRAP_UP, null),
                    step(85, Activity.IDLE, null)),
                NINE.plusSeconds(500));

    assertThat(work.of(7)).isEqualTo(25);
  }

  @Test
  void theWrapUpAfterAMissedRingIsNoCallsWorkAndTheCurrentWrapUpCountsUpToNow() {
    AfterCallWork work =
        new AfterCallWork()
            .add(
                List.of(
                    step(0, Activity.RINGING, 7L),
                    step(20, Activity.PENALTY, null),
                    step(50, Activity.WRAP_UP, null),
                    step(60, Activity.RINGING, 8L),
                    step(62, Activity.TALKING, 8L),
                    step(100, Activity.WRAP_UP, null)),
                NINE.plusSeconds(104));

    assertThat(work.of(7)).isZero();
    assertThat(work.of(8)).isEqualTo(4);
  }
}
