package org.relais.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.NotPermittedException;
import org.relais.agent.BannerModule;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.group.GroupSettings;
import org.relais.group.RoutingStrategy;
import org.relais.presence.Activity;
import org.relais.presence.Availability;
import org.relais.telephony.DialFailure;

/** The manual's call flows (SPEC C1-C5), driven through the engine's parts without a container. */
class CallFlowTest {

  private final Floorplan floor = new Floorplan();

  /** Ring 20 s, penalty 30 s, wrap-up 10 s, no qualification: the manual's defaults. */
  private final String sales = floor.group("Sales", settings -> settings);

  @Test
  void callArrivingForAnAvailableAgentRingsItsPhoneOnceCommitted() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);

    long call = floor.callArrives(sales, "+33601020304");

    assertThat(floor.activity(alice)).isEqualTo(Activity.RINGING);
    assertThat(floor.call(call).getStatus()).isEqualTo(CallStatus.RINGING);
    assertThat(floor.phones.commands).containsExactly("offer " + call + " to 1001 for 20s");
    assertThat(floor.transaction.announced)
        .extracting(AcdEvent::type)
        .containsSubsequence("CALL_QUEUED", "CALL_OFFERED");
  }

  @Test
  void answeredCallIsBridgedThenWrapUpThenTheAgentIsIdleAgain() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    long call = floor.callArrives(sales, "+33601020304");

    floor.answers("1001");
    assertThat(floor.activity(alice)).isEqualTo(Activity.TALKING);
    assertThat(floor.phones.commands).contains("bridge " + call + " with 1001");

    floor.agentHangsUp("1001");
    assertThat(floor.activity(alice)).isEqualTo(Activity.WRAP_UP);
    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.ANSWERED);

    floor.advance(Duration.ofSeconds(10));
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
  }

  @Test
  void agentWhoDoesNotAnswerGetsPenaltyThenWrapUpAndTheCallGoesToTheNextAgent() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    long call = floor.callArrives(sales, "+33601020304");
    long bob = floor.agent("bob", "1002", sales);
    floor.connect(bob, true);

    floor.advance(Duration.ofSeconds(20));

    assertThat(floor.activity(alice)).isEqualTo(Activity.PENALTY);
    assertThat(floor.activity(bob)).isEqualTo(Activity.RINGING);
    assertThat(floor.presence(bob).orElseThrow().getCall().getId()).isEqualTo(call);
    assertThat(floor.phones.commands)
        .containsSubsequence(
            "offer " + call + " to 1001 for 20s",
            "cancel " + call + " at 1001",
            "offer " + call + " to 1002 for 20s");
    assertThat(floor.call(call).getOffers()).isEqualTo(2);
    floor.answers("1002");

    floor.advance(Duration.ofSeconds(30));
    assertThat(floor.activity(alice)).isEqualTo(Activity.WRAP_UP);
    floor.advance(Duration.ofSeconds(10));
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
  }

  @Test
  void refusedCallCountsAsNotAnsweredAndTheAgentPaysThePenalty() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    long call = floor.callArrives(sales, "+33601020304");

    floor.refuses("1001");

    assertThat(floor.activity(alice)).isEqualTo(Activity.PENALTY);
    assertThat(floor.call(call).getStatus()).isEqualTo(CallStatus.QUEUED);
    assertThat(floor.transaction.announced)
        .filteredOn(event -> event instanceof AcdEvent.CallNotAnswered)
        .extracting(event -> ((AcdEvent.CallNotAnswered) event).reason())
        .containsExactly("REFUSED");
  }

  @Test
  void cancellingThePenaltyMakesTheAgentEligibleAtOnce() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    long call = floor.callArrives(sales, "+33601020304");
    floor.refuses("1001");

    floor.does(desk -> desk.cancelPenalty(alice));

    assertThat(floor.activity(alice)).isEqualTo(Activity.RINGING);
    assertThat(floor.presence(alice).orElseThrow().getCall().getId()).isEqualTo(call);
  }

  @Test
  void callerWhoHangsUpWhileQueuedIsAbandonedAndLeavesTheQueue() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, false);
    long call = floor.callArrives(sales, "+33601020304");

    floor.callerHangsUp(call);
    floor.does(desk -> desk.changeAvailability(alice, true));

    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.ABANDONED);
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
    assertThat(floor.phones.commands).isEmpty();
  }

  @Test
  void callerWhoHangsUpWhileRingingStopsThePhoneAndFreesTheAgent() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    long call = floor.callArrives(sales, "+33601020304");

    floor.callerHangsUp(call);

    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.ABANDONED);
    assertThat(floor.phones.commands).contains("cancel " + call + " at 1001");
    assertThat(floor.deadlines.armed).doesNotContainKey(alice);
  }

  @Test
  void unavailableAgentIsOfferedNothingUntilItBecomesAvailable() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, false);
    long call = floor.callArrives(sales, "+33601020304");
    assertThat(floor.call(call).getStatus()).isEqualTo(CallStatus.QUEUED);

    floor.does(desk -> desk.changeAvailability(alice, true));

    assertThat(floor.activity(alice)).isEqualTo(Activity.RINGING);
  }

  @Test
  void anAgentIsNeverOfferedTwoCalls() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);

    List<Object> calls =
        floor.report(
            new SwitchEvent.InboundCall(floor.account, sales, "+33601020301", null),
            new SwitchEvent.InboundCall(floor.account, sales, "+33601020302", null));

    assertThat(floor.call((Long) calls.get(0)).getStatus()).isEqualTo(CallStatus.RINGING);
    assertThat(floor.call((Long) calls.get(1)).getStatus()).isEqualTo(CallStatus.QUEUED);
    assertThat(floor.phones.commands).hasSize(1);
  }

  @Test
  void aBatchThatFailsLeavesNothingOfItselfInTheFloorsMemory() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, false);
    long waiting = floor.callArrives(sales, "+33601020301");

    assertThatThrownBy(
            () ->
                floor.report(
                    new SwitchEvent.InboundCall(floor.account, sales, "+33601020302", null),
                    new SwitchEvent.Answered(floor.account, "9999")))
        .isInstanceOf(DeskConflictException.class);
    floor.does(desk -> desk.changeAvailability(alice, true));

    assertThat(floor.presence(alice).orElseThrow().getCall().getId()).isEqualTo(waiting);
    assertThat(floor.phones.commands).containsExactly("offer " + waiting + " to 1001 for 20s");
  }

  @Test
  void fewestCallsCountsTheCallsOfTheAccountsDayOnlyFromItsMidnight() {
    String hotline =
        floor.group(
            "Hotline",
            s ->
                new GroupSettings(
                    20,
                    0,
                    0,
                    false,
                    0,
                    null,
                    RoutingStrategy.FEWEST_CALLS,
                    0,
                    List.of(),
                    List.of(),
                    false,
                    null));
    long alice = floor.agent("alice", "1001", hotline);
    long bob = floor.agent("bob", "1002", hotline);
    floor.connect(alice, true);
    floor.connect(bob, true);
    // Monday: alice answers two calls and bob one, and bob is the last to hang up.
    floor.callArrives(hotline, "+33601020301");
    floor.answers("1001");
    floor.callArrives(hotline, "+33601020302");
    floor.answers("1002");
    floor.agentHangsUp("1001");
    floor.callArrives(hotline, "+33601020303");
    floor.answers("1001");
    floor.agentHangsUp("1001");
    floor.agentHangsUp("1002");

    floor.advance(Duration.ofDays(1));
    long tuesday = floor.callArrives(hotline, "+33601020304");

    // Both have answered nothing today: the one idle the longer, alice, is offered the call.
    List<String> commands = floor.phones.commands;
    assertThat(commands.get(commands.size() - 1))
        .isEqualTo("offer " + tuesday + " to 1001 for 20s");
    assertThat(floor.activity(bob)).isEqualTo(Activity.IDLE);
    assertThat(floor.activity(alice)).isEqualTo(Activity.RINGING);
  }

  @Test
  void groupRequiringQualificationWaitsForTheCodeThenWrapsUp() {
    String support =
        floor.group(
            "Support",
            s ->
                new GroupSettings(
                    20,
                    0,
                    5,
                    true,
                    0,
                    null,
                    RoutingStrategy.LONGEST_IDLE,
                    0,
                    List.of("SOLVED", "ESCALATED"),
                    List.of(),
                    false,
                    null));
    long alice = floor.agent("alice", "1001", support);
    floor.connect(alice, true);
    long call = floor.callArrives(support, "+33601020304");
    floor.answers("1001");
    floor.agentHangsUp("1001");
    assertThat(floor.activity(alice)).isEqualTo(Activity.QUALIFYING);

    assertThatThrownBy(() -> floor.does(desk -> desk.qualify(alice, "UNKNOWN")))
        .hasMessageContaining("code");
    floor.does(desk -> desk.qualify(alice, "SOLVED"));

    assertThat(floor.call(call).getQualification()).isEqualTo("SOLVED");
    assertThat(floor.activity(alice)).isEqualTo(Activity.WRAP_UP);
  }

  @Test
  void autoQualificationQualifiesWithTheGroupsCodeWhenTheAgentDoesNot() {
    String support =
        floor.group(
            "Support",
            s ->
                new GroupSettings(
                    20,
                    0,
                    0,
                    true,
                    60,
                    "SOLVED",
                    RoutingStrategy.LONGEST_IDLE,
                    0,
                    List.of("SOLVED"),
                    List.of(),
                    false,
                    null));
    long alice = floor.agent("alice", "1001", support);
    floor.connect(alice, true);
    long call = floor.callArrives(support, "+33601020304");
    floor.answers("1001");
    floor.agentHangsUp("1001");

    floor.advance(Duration.ofSeconds(60));

    assertThat(floor.call(call).getQualification()).isEqualTo("SOLVED");
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
  }

  @Test
  void clickToDialRingsTheAgentThenTheCustomerAndTheAnswerStartsTheConversation() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, false);

    long call = floor.at(desk -> desk.dial(alice, sales, "01 02 03 04 05", null)).getId();
    assertThat(floor.activity(alice)).isEqualTo(Activity.DIALING);
    assertThat(floor.phones.commands)
        .containsExactly("originate " + call + " from 1001 to +33102030405");

    floor.customerAnswers(call);
    assertThat(floor.activity(alice)).isEqualTo(Activity.TALKING);
    floor.agentHangsUp("1001");
    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.ANSWERED);
  }

  @Test
  void busyCustomerEndsTheAttemptAndFreesTheAgentAtOnce() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    long call = floor.at(desk -> desk.dial(alice, sales, "0102030405", null)).getId();

    floor.dialFails(call, DialFailure.BUSY);

    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.BUSY);
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
    assertThat(floor.phones.commands).endsWith("hang up " + call);
  }

  @Test
  void outboundAttemptThatTheSwitchNeverReportsEndsAtTheDialTimeout() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    long call = floor.at(desk -> desk.dial(alice, sales, "0102030405", null)).getId();

    floor.advance(Duration.ofSeconds(60));

    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.NO_ANSWER);
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
  }

  @Test
  void clickToDialIsRefusedToAnAgentWhoseProfileLacksTheModule() {
    long alice = floor.agent("alice", "1001", sales);
    floor.with(alice, agent -> agent.enableModules(List.of(BannerModule.SESSION)));
    floor.connect(alice, true);

    assertThatThrownBy(() -> floor.at(desk -> desk.dial(alice, sales, "0102030405", null)))
        .isInstanceOf(NotPermittedException.class);
    assertThat(floor.activity(alice)).isEqualTo(Activity.IDLE);
  }

  @Test
  void disconnectingIsRefusedWhileACallIsInHand() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    floor.callArrives(sales, "+33601020304");

    assertThatThrownBy(() -> floor.does(desk -> desk.disconnect(alice)))
        .isInstanceOf(DeskConflictException.class);
    assertThat(floor.activity(alice)).isEqualTo(Activity.RINGING);
  }

  @Test
  void disconnectedAgentLeavesTheFloorAndItsTimer() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    long call = floor.callArrives(sales, "+33601020304");
    floor.answers("1001");
    floor.agentHangsUp("1001");

    floor.does(desk -> desk.disconnect(alice));
    floor.callArrives(sales, "+33601020305");

    assertThat(floor.presence(alice)).isEmpty();
    assertThat(floor.deadlines.armed).doesNotContainKey(alice);
    assertThat(floor.phones.commands).filteredOn(c -> c.startsWith("offer")).hasSize(1);
    assertThat(floor.transaction.announced)
        .filteredOn(e -> e instanceof AcdEvent.AgentState)
        .extracting(e -> ((AcdEvent.AgentState) e).availability())
        .endsWith(Availability.DISCONNECTED);
    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.ANSWERED);
  }

  @Test
  void agentsNoLongerThereAreDisconnectedUnlessACallIsInHand() {
    long alice = floor.agent("alice", "1001", sales);
    long bob = floor.agent("bob", "1002", sales);
    long carol = floor.agent("carol", "1003", sales);
    floor.connect(alice, true);
    floor.connect(bob, false);
    floor.callArrives(sales, "+33601020304");
    floor.connect(carol, true);

    floor.does(desk -> desk.disconnectAbsent(agent -> agent == carol));

    assertThat(floor.presence(alice)).as("ringing: the switch decides").isPresent();
    assertThat(floor.presence(bob)).isEmpty();
    assertThat(floor.presence(carol)).isPresent();
    assertThat(floor.transaction.announced)
        .filteredOn(e -> e instanceof AcdEvent.AgentState state && state.agentId() == bob)
        .last()
        .extracting(e -> ((AcdEvent.AgentState) e).availability())
        .isEqualTo(Availability.DISCONNECTED);
  }

  @Test
  void aDeadlineTheAgentHasMovedOnFromDoesNothing() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    floor.callArrives(sales, "+33601020304");
    var ringTimeout = floor.presence(alice).orElseThrow().getDeadline();
    floor.answers("1001");

    floor.at(
        desk -> {
          floor.flow().deadlineReached(alice, ringTimeout);
          return null;
        });

    assertThat(floor.activity(alice)).isEqualTo(Activity.TALKING);
  }

  @Test
  void aDeadlineWhoseTimerFailedIsArmedAgainUntilItIsHandled() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    long call = floor.callArrives(sales, "+33601020304");
    floor.deadlines.armed.clear(); // the ring timeout fired while the database was down
    floor.clock.advance(Duration.ofSeconds(30));

    floor.does(desk -> floor.recovery().rearmOverdue(Duration.ofSeconds(5)));
    assertThat(floor.deadlines.armed).containsKey(alice);
    floor.deadlineOf(alice);

    assertThat(floor.activity(alice)).isEqualTo(Activity.PENALTY);
    assertThat(floor.call(call).getStatus()).isEqualTo(CallStatus.QUEUED);
    floor.deadlines.armed.clear();
    floor.does(desk -> floor.recovery().rearmOverdue(Duration.ofSeconds(5)));
    assertThat(floor.deadlines.armed).doesNotContainKey(alice);
  }

  @Test
  void restartClosesCallsInProgressAsLostFreesTheirAgentsAndArmsDeadlinesAgain() {
    long alice = floor.agent("alice", "1001", sales);
    long bob = floor.agent("bob", "1002", sales);
    long carol = floor.agent("carol", "1003", sales);
    floor.connect(carol, true);
    long talking = floor.callArrives(sales, "+33601020301");
    floor.refuses("1003");
    floor.connect(alice, true);
    floor.answers("1001");
    floor.connect(bob, true);
    long ringing = floor.callArrives(sales, "+33601020302");
    assertThat(floor.activity(bob)).isEqualTo(Activity.RINGING);

    Floorplan after = floor.restarted();

    assertThat(after.call(talking).getOutcome()).isEqualTo(CallOutcome.LOST);
    assertThat(after.call(ringing).getOutcome()).isEqualTo(CallOutcome.LOST);
    assertThat(after.activity(alice)).isEqualTo(Activity.WRAP_UP);
    assertThat(after.activity(bob)).isEqualTo(Activity.IDLE);
    assertThat(after.activity(carol)).isEqualTo(Activity.PENALTY);
    assertThat(after.deadlines.armed).containsKeys(alice, carol);
  }
}
