package org.relais.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.relais.presence.Activity.DIALING;
import static org.relais.presence.Activity.IDLE;
import static org.relais.presence.Activity.PENALTY;
import static org.relais.presence.Activity.QUALIFYING;
import static org.relais.presence.Activity.RINGING;
import static org.relais.presence.Activity.TALKING;
import static org.relais.presence.Activity.WRAP_UP;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent state machine, every activity against every event (SPEC C1, C2, B3-B5, B9, B11). */
class AgentStateMachineTest {

  /** The whole table: what is not listed here must be refused. */
  private static final Map<Activity, Map<AgentEvent, Set<Activity>>> EXPECTED =
      Map.of(
          IDLE,
              Map.of(
                  AgentEvent.OFFER, EnumSet.of(RINGING),
                  AgentEvent.DIAL, EnumSet.of(DIALING),
                  AgentEvent.CONNECT, EnumSet.of(TALKING)),
          RINGING,
              Map.of(
                  AgentEvent.ANSWER, EnumSet.of(TALKING),
                  AgentEvent.REFUSE, EnumSet.of(PENALTY, WRAP_UP, IDLE),
                  AgentEvent.RING_TIMEOUT, EnumSet.of(PENALTY, WRAP_UP, IDLE),
                  AgentEvent.CALLER_GONE, EnumSet.of(IDLE)),
          TALKING,
              Map.of(
                  AgentEvent.HANG_UP, EnumSet.of(QUALIFYING, WRAP_UP, IDLE),
                  AgentEvent.TRANSFERRED, EnumSet.of(QUALIFYING, WRAP_UP, IDLE)),
          QUALIFYING, Map.of(AgentEvent.QUALIFY, EnumSet.of(WRAP_UP, IDLE)),
          PENALTY,
              Map.of(
                  AgentEvent.PENALTY_OVER, EnumSet.of(WRAP_UP, IDLE),
                  AgentEvent.CANCEL_PENALTY, EnumSet.of(IDLE)),
          WRAP_UP, Map.of(AgentEvent.WRAP_UP_OVER, EnumSet.of(IDLE)),
          DIALING,
              Map.of(
                  AgentEvent.ANSWER, EnumSet.of(TALKING),
                  AgentEvent.DIAL_FAILED, EnumSet.of(IDLE)));

  static Stream<Arguments> everyActivityAndEvent() {
    return Arrays.stream(Activity.values())
        .flatMap(from -> Arrays.stream(AgentEvent.values()).map(e -> Arguments.of(from, e)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("everyActivityAndEvent")
  void anActivityAcceptsExactlyTheEventsOfTheTableAndReachesOnlyTheirTargets(
      Activity from, AgentEvent event) {
    Set<Activity> allowed = EXPECTED.get(from).getOrDefault(event, Set.of());

    assertThat(AgentStateMachine.accepts(from, event)).isEqualTo(!allowed.isEmpty());
    assertThat(AgentStateMachine.targets(from, event)).containsExactlyInAnyOrderElementsOf(allowed);
    for (Activity to : Activity.values()) {
      if (allowed.contains(to)) {
        assertThat(AgentStateMachine.move(from, event, to)).isEqualTo(to);
      } else {
        assertThatThrownBy(() -> AgentStateMachine.move(from, event, to))
            .as(from + " " + event + " -> " + to)
            .isInstanceOfSatisfying(
                IllegalTransitionException.class,
                e -> {
                  assertThat(e.getFrom()).isEqualTo(from);
                  assertThat(e.getEvent()).isEqualTo(event);
                });
      }
    }
  }

  @Test
  void answeredCallGoesThroughTalkingAndQualificationToWrapUpThenIdle() {
    Activity a = AgentStateMachine.move(IDLE, AgentEvent.OFFER, RINGING);
    a = AgentStateMachine.move(a, AgentEvent.ANSWER, TALKING);
    a = AgentStateMachine.move(a, AgentEvent.HANG_UP, QUALIFYING);
    a = AgentStateMachine.move(a, AgentEvent.QUALIFY, WRAP_UP);

    assertThat(AgentStateMachine.move(a, AgentEvent.WRAP_UP_OVER, IDLE)).isEqualTo(IDLE);
  }

  @Test
  void withoutRequiredQualificationHangingUpLeadsStraightToWrapUp() {
    assertThat(AgentStateMachine.move(TALKING, AgentEvent.HANG_UP, WRAP_UP)).isEqualTo(WRAP_UP);
  }

  @Test
  void agentWhoDoesNotAnswerGetsPenaltyThenWrapUp() {
    Activity a = AgentStateMachine.move(RINGING, AgentEvent.RING_TIMEOUT, PENALTY);

    assertThat(AgentStateMachine.move(a, AgentEvent.PENALTY_OVER, WRAP_UP)).isEqualTo(WRAP_UP);
  }

  @Test
  void agentWhoRefusesTheCallGetsPenaltyToo() {
    assertThat(AgentStateMachine.move(RINGING, AgentEvent.REFUSE, PENALTY)).isEqualTo(PENALTY);
  }

  @Test
  void cancellingThePenaltyMakesTheAgentIdleAtOnce() {
    assertThat(AgentStateMachine.targets(PENALTY, AgentEvent.CANCEL_PENALTY)).containsOnly(IDLE);
  }

  @Test
  void transferredCallEndsTheConversationLikeAHangUp() {
    assertThat(AgentStateMachine.targets(TALKING, AgentEvent.TRANSFERRED))
        .isEqualTo(AgentStateMachine.targets(TALKING, AgentEvent.HANG_UP));
  }

  @Test
  void outboundCallIsDialledThenTalkedLikeAnInboundOne() {
    Activity a = AgentStateMachine.move(IDLE, AgentEvent.DIAL, DIALING);
    a = AgentStateMachine.move(a, AgentEvent.ANSWER, TALKING);

    assertThat(AgentStateMachine.move(a, AgentEvent.HANG_UP, QUALIFYING)).isEqualTo(QUALIFYING);
  }

  @Test
  void failedDialLeavesTheAgentIdle() {
    assertThat(AgentStateMachine.targets(DIALING, AgentEvent.DIAL_FAILED)).containsOnly(IDLE);
  }

  @Test
  void qualifyingWithNothingToQualifyIsRefused() {
    assertThatThrownBy(() -> AgentStateMachine.move(IDLE, AgentEvent.QUALIFY, WRAP_UP))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("QUALIFY")
        .hasMessageContaining("IDLE");
  }

  @Test
  void anIdleAgentCannotAnswerWhatDoesNotRing() {
    assertThat(AgentStateMachine.accepts(IDLE, AgentEvent.ANSWER)).isFalse();
    assertThat(AgentStateMachine.targets(IDLE, AgentEvent.ANSWER)).isEmpty();
  }

  @Test
  void onlyAnAvailableIdleAgentIsEligibleForAnOffer() {
    for (Availability availability : Availability.values()) {
      for (Activity activity : Activity.values()) {
        assertThat(AgentStateMachine.eligible(availability, activity))
            .as(availability + " " + activity)
            .isEqualTo(availability == Availability.AVAILABLE && activity == IDLE);
      }
    }
  }

  @Test
  void anAgentWhoBecomesUnavailableDuringACallFinishesIt() {
    // Availability is no event of the table: the call in hand goes on to its usual end.
    assertThat(AgentStateMachine.eligible(Availability.UNAVAILABLE, TALKING)).isFalse();
    assertThat(AgentStateMachine.move(TALKING, AgentEvent.HANG_UP, WRAP_UP)).isEqualTo(WRAP_UP);
    assertThat(AgentStateMachine.eligible(Availability.UNAVAILABLE, IDLE)).isFalse();
  }
}
