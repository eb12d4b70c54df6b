package org.relais.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.dialer.CampaignContact;
import org.relais.group.GroupRules;
import org.relais.group.Overflow;
import org.relais.presence.Activity;

/**
 * The group's rules a call meets on arrival and while it waits (SPEC E2): the account's calendar,
 * the queue's limits and the overflow.
 */
class QueueRulesTest {

  /** Monday 2 March 2026, 09:00 UTC: 10:00 in Paris, the account's zone. */
  private final Floorplan floor = new Floorplan();

  private final String sales = floor.group("Sales", settings -> settings);
  private final String support = floor.group("Support", settings -> settings);
  private final long alice = floor.agent("alice", "1001", sales);
  private final long bob = floor.agent("bob", "1002", support);

  @Test
  void aCallOutsideTheOpeningHoursIsTurnedAwayAndNeverOffered() {
    floor.withGroup(
        sales, g -> g.changeRules(new GroupRules(20, "MON-FRI 10:30-18:00", "", false)));
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
  void aGroupThatCallsBackWhenClosedPutsTheCallerOnItsCallbackList() {
    floor.withGroup(sales, g -> g.changeRules(new GroupRules(20, "MON-FRI 10:30-18:00", "", true)));

    long call = floor.callArrives(sales, "0601020304");

    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.CALLBACK);
    assertThat(floor.phones.commands).containsExactly("hang up " + call);
    floor.connect(alice, false);
    CampaignContact callback = floor.dialer(d -> d.next(alice));
    assertThat(callback.getNumber()).isEqualTo("+33601020304");
  }

  @Test
  void withinTheHoursReadInTheAccountsZoneTheCallQueuesAsEver() {
    floor.withGroup(
        sales, g -> g.changeRules(new GroupRules(20, "MON-FRI 10:00-18:00", "2026-12-25", false)));
    floor.connect(alice, true);

    long call = floor.callArrives(sales, "+33601020304");

    assertThat(floor.activity(alice)).isEqualTo(Activity.RINGING);
    assertThat(floor.call(call).getStatus()).isEqualTo(CallStatus.RINGING);
  }

  @Test
  void aHolidayClosesTheGroupAllDay() {
    floor.withGroup(
        sales, g -> g.changeRules(new GroupRules(20, "MON-SUN 00:00-24:00", "2026-03-02", false)));

    long today = floor.callArrives(sales, "+33601020304");
    floor.advance(Duration.ofDays(1));
    long tomorrow = floor.callArrives(sales, "+33601020305");

    assertThat(floor.call(today).getOutcome()).isEqualTo(CallOutcome.CLOSED);
    assertThat(floor.call(tomorrow).getStatus()).isEqualTo(CallStatus.QUEUED);
  }

  @Test
  void aCallWaitingPastTheLongestWaitOverflowsKeepingItsWaitAndIsOfferedThere() {
    floor.overflow(sales, new Overflow(60, 0, false, support));
    floor.connect(bob, false);
    long call = floor.callArrives(sales, "+33601020304");

    floor.advance(Duration.ofSeconds(59));
    assertThat(floor.call(call).getGroupName()).isEqualTo(sales);
    floor.advance(Duration.ofSeconds(1));
    floor.connect(bob, true);

    assertThat(floor.call(call).getGroupName()).isEqualTo(support);
    assertThat(floor.call(call).getOverflowedFrom()).isEqualTo(sales);
    assertThat(floor.call(call).getStatus()).isEqualTo(CallStatus.RINGING);
    assertThat(floor.activity(bob)).isEqualTo(Activity.RINGING);
    assertThat(floor.transaction.announced)
        .filteredOn(event -> event instanceof AcdEvent.CallOverflowed)
        .singleElement()
        .extracting(event -> ((AcdEvent.CallOverflowed) event).to())
        .isEqualTo(support);
  }

  @Test
  void withNoGroupToOverflowToTheCallerJoinsTheCallbackList() {
    floor.overflow(sales, new Overflow(30, 0, false, null));
    long call = floor.callArrives(sales, "0601020304");

    floor.advance(Duration.ofSeconds(30));

    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.CALLBACK);
    assertThat(floor.phones.commands).containsExactly("hang up " + call);
    floor.connect(alice, false);
    CampaignContact callback = floor.dialer(d -> d.next(alice));
    assertThat(callback.getNumber()).isEqualTo("+33601020304");
  }

  @Test
  void aCallFindingTheQueueFullOverflowsAtOnceWhileThoseBeforeItWait() {
    floor.overflow(sales, new Overflow(0, 1, false, support));

    long first = floor.callArrives(sales, "+33601020304");
    long second = floor.callArrives(sales, "+33601020305");

    assertThat(floor.call(first).getGroupName()).isEqualTo(sales);
    assertThat(floor.call(second).getGroupName()).isEqualTo(support);
    assertThat(floor.call(second).getStatus()).isEqualTo(CallStatus.QUEUED);
  }

  @Test
  void withNoAgentConnectedTheCallOverflowsAtOnceButAnUnavailableAgentKeepsIt() {
    floor.overflow(sales, new Overflow(0, 0, true, support));

    long unstaffed = floor.callArrives(sales, "+33601020304");
    floor.connect(alice, false);
    long staffed = floor.callArrives(sales, "+33601020305");

    assertThat(floor.call(unstaffed).getGroupName()).isEqualTo(support);
    assertThat(floor.call(staffed).getGroupName()).isEqualTo(sales);
  }

  @Test
  void whenTheGroupsLastAgentLogsOutTheCallsWaitingThereOverflowInTheirOrder() {
    floor.overflow(sales, new Overflow(0, 0, true, support));
    floor.connect(alice, false);
    long first = floor.callArrives(sales, "+33601020304");
    long second = floor.callArrives(sales, "+33601020305");

    floor.does(desk -> desk.disconnect(alice));

    assertThat(floor.call(first).getGroupName()).isEqualTo(support);
    assertThat(floor.call(second).getGroupName()).isEqualTo(support);
    assertThat(floor.transaction.announced)
        .filteredOn(event -> event instanceof AcdEvent.CallOverflowed)
        .extracting(event -> ((AcdEvent.CallOverflowed) event).callId())
        .containsExactly(first, second);
  }

  @Test
  void anAgentTurningOffTheGroupsCallsLeavesThemToOverflowButAnotherAgentKeepsThem() {
    floor.overflow(sales, new Overflow(0, 0, true, null));
    long carol = floor.agent("carol", "1003", sales);
    floor.connect(alice, false);
    floor.connect(carol, false);
    long call = floor.callArrives(sales, "+33601020304");

    floor.does(desk -> desk.toggleGroup(alice, sales, false, false));
    assertThat(floor.call(call).getStatus()).isEqualTo(CallStatus.QUEUED);
    floor.does(desk -> desk.toggleGroup(carol, sales, false, false));

    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.CALLBACK);
  }

  @Test
  void aCallRingingAtItsLimitOverflowsWhenItComesBackUnanswered() {
    floor.overflow(sales, new Overflow(10, 0, false, support));
    floor.connect(alice, true);
    long call = floor.callArrives(sales, "+33601020304");

    floor.advance(Duration.ofSeconds(10));
    assertThat(floor.call(call).getStatus()).isEqualTo(CallStatus.RINGING);
    floor.advance(Duration.ofSeconds(10));

    assertThat(floor.call(call).getGroupName()).isEqualTo(support);
    assertThat(floor.call(call).getStatus()).isEqualTo(CallStatus.QUEUED);
  }

  @Test
  void aCallOverflowsOnceThenTheSecondGroupsLimitSendsItToItsCallbackList() {
    floor.overflow(sales, new Overflow(30, 0, false, support));
    floor.overflow(support, new Overflow(90, 0, false, sales));
    long call = floor.callArrives(sales, "+33601020304");

    floor.advance(Duration.ofSeconds(30));
    assertThat(floor.call(call).getGroupName()).isEqualTo(support);
    floor.advance(Duration.ofSeconds(60));

    assertThat(floor.call(call).getGroupName()).isEqualTo(support);
    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.CALLBACK);
  }

  @Test
  void anAnsweredCallNoLongerHasAWaitLimit() {
    floor.overflow(sales, new Overflow(30, 0, false, support));
    floor.connect(alice, true);
    long call = floor.callArrives(sales, "+33601020304");

    floor.answers("1001");
    floor.advance(Duration.ofSeconds(60));

    assertThat(floor.deadlines.waitLimits).doesNotContainKey(call);
    assertThat(floor.call(call).getStatus()).isEqualTo(CallStatus.TALKING);
    assertThat(floor.call(call).getGroupName()).isEqualTo(sales);
  }
}
