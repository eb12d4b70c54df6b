package org.relais.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.group.GroupRules;
import org.relais.presence.Activity;

/** The group's rules a call meets on arrival (SPEC E2), against the account's calendar. */
class QueueRulesTest {

  /** Monday 2 March 2026, 09:00 UTC: 10:00 in Paris, the account's zone. */
  private final Floorplan floor = new Floorplan();

  private final String sales = floor.group("Sales", settings -> settings);
  private final long alice = floor.agent("alice", "1001", sales);

  @Test
  void aCallOutsideTheOpeningHoursIsTurnedAwayAndNeverOffered() {
    floor.withGroup(sales, g -> g.changeRules(new GroupRules(20, "MON-FRI 10:30-18:00", "")));
    floor.connect(alice, true);

    long call = floor.callArrives(sales, "+33601020304");

    assertThat(floor.call(call).getStatus()).isEqualTo(CallStatus.ENDED);
    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.CLOSED);
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
    assertThat(floor.phones.commands).containsExactly("hang up " + call);
    assertThat(floor.transaction.announced)
        .extracting(AcdEvent::type)
        .contains("CALL_ENDED")
        .doesNotContain("CALL_QUEUED");
  }

  @Test
  void withinTheHoursReadInTheAccountsZoneTheCallQueuesAsEver() {
    floor.withGroup(
        sales, g -> g.changeRules(new GroupRules(20, "MON-FRI 10:00-18:00", "2026-12-25")));
    floor.connect(alice, true);

    long call = floor.callArrives(sales, "+33601020304");

    assertThat(floor.activity(alice)).isEqualTo(Activity.RINGING);
    assertThat(floor.call(call).getStatus()).isEqualTo(CallStatus.RINGING);
  }

  @Test
  void aHolidayClosesTheGroupAllDay() {
    floor.withGroup(
        sales, g -> g.changeRules(new GroupRules(20, "MON-SUN 00:00-24:00", "2026-03-02")));

    long today = floor.callArrives(sales, "+33601020304");
    floor.advance(Duration.ofDays(1));
    long tomorrow = floor.callArrives(sales, "+33601020305");

    assertThat(floor.call(today).getOutcome()).isEqualTo(CallOutcome.CLOSED);
    assertThat(floor.call(tomorrow).getStatus()).isEqualTo(CallStatus.QUEUED);
  }
}
