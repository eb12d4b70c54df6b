package org.relais.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relais.group.RoutingStrategy;
import org.relais.routing.Router.Offer;

/** Routing decisions (SPEC C4): FIFO per group, priorities across groups, each strategy. */
class RouterTest {

  private static final long SUPPORT = 1;
  private static final long SALES = 2;
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private final Router router = new Router();

  @Test
  void callerWhoWaitedLongestIsServedFirst() {
    router.enqueue(11, SUPPORT, T0.plusSeconds(5));
    router.enqueue(10, SUPPORT, T0);
    idleAgent(100, Map.of(SUPPORT, 5), 0);

    assertThat(router.next()).contains(new Offer(10, 100));
  }

  @Test
  void callsOfAHigherPriorityGroupGoFirstEvenIfYounger() {
    router.configureGroup(SALES, 5, RoutingStrategy.LONGEST_IDLE);
    router.enqueue(10, SUPPORT, T0);
    router.enqueue(20, SALES, T0.plusSeconds(60));
    idleAgent(100, Map.of(SUPPORT, 5, SALES, 5), 0);

    assertThat(router.next()).contains(new Offer(20, 100));
  }

  @Test
  void amongEqualPrioritiesTheOldestCallAcrossGroupsGoesFirst() {
    router.enqueue(20, SALES, T0.plusSeconds(1));
    router.enqueue(10, SUPPORT, T0);
    idleAgent(100, Map.of(SUPPORT, 5, SALES, 5), 0);

    assertThat(router.next()).contains(new Offer(10, 100));
  }

  @Test
  void longestIdleAgentGetsTheCallByDefault() {
    idleAgent(100, Map.of(SUPPORT, 5), 30);
    idleAgent(101, Map.of(SUPPORT, 5), 10);
    router.enqueue(10, SUPPORT, T0.plusSeconds(60));

    assertThat(router.next()).contains(new Offer(10, 101));
  }

  @Test
  void preferredAgentsAreThoseTheNextOffersWouldTakeInOrderWithoutTakingThem() {
    idleAgent(100, Map.of(SUPPORT, 5), 30);
    idleAgent(101, Map.of(SUPPORT, 5), 10);
    idleAgent(102, Map.of(SUPPORT, 5), 20);
    idleAgent(200, Map.of(SALES, 5), 0);

    assertThat(router.preferredAgents(SUPPORT, 2)).containsExactly(101L, 102L);
    assertThat(router.preferredAgents(SUPPORT, 5)).containsExactly(101L, 102L, 100L);
    assertThat(router.preferredAgents(99, 5)).isEmpty();

    router.enqueue(10, SUPPORT, T0.plusSeconds(60));
    router.enqueue(11, SUPPORT, T0.plusSeconds(61));
    assertThat(router.next()).contains(new Offer(10, 101));
    assertThat(router.next()).contains(new Offer(11, 102));
  }

  @Test
  void fewestCallsStrategyPrefersTheAgentWithFewestAnsweredCallsToday() {
    router.configureGroup(SUPPORT, 0, RoutingStrategy.FEWEST_CALLS);
    idleAgent(100, Map.of(SUPPORT, 5), 0);
    idleAgent(101, Map.of(SUPPORT, 5), 50);
    router.callsToday(100, 7);
    router.callsToday(101, 2);
    router.enqueue(10, SUPPORT, T0.plusSeconds(60));

    assertThat(router.next()).contains(new Offer(10, 101));
  }

  @Test
  void skillLevelStrategyPrefersTheMostProficientThenTheLongestIdle() {
    router.configureGroup(SUPPORT, 0, RoutingStrategy.SKILL_LEVEL);
    idleAgent(100, Map.of(SUPPORT, 3), 0);
    idleAgent(101, Map.of(SUPPORT, 9), 40);
    idleAgent(102, Map.of(SUPPORT, 9), 20);
    router.enqueue(10, SUPPORT, T0.plusSeconds(60));

    assertThat(router.next()).contains(new Offer(10, 102));
  }

  @Test
  void roundRobinTurnsThroughTheAgents() {
    router.configureGroup(SUPPORT, 0, RoutingStrategy.ROUND_ROBIN);
    idleAgent(100, Map.of(SUPPORT, 5), 0);
    idleAgent(101, Map.of(SUPPORT, 5), 1);
    Set<Long> served = new HashSet<>();
    for (long call = 10; call < 14; call++) {
      router.enqueue(call, SUPPORT, T0.plusSeconds(call));
      Offer offer = router.next().orElseThrow();
      served.add(offer.agentId());
      // Back to idle at once: round robin, not idle time, must decide the next one.
      router.eligibility(offer.agentId(), true, T0.plusSeconds(100 + call));
      if (call == 11) {
        assertThat(served).containsExactlyInAnyOrder(100L, 101L);
      }
    }
    assertThat(served).hasSize(2);
  }

  @Test
  void anAgentGetsOneOfferAtATime() {
    idleAgent(100, Map.of(SUPPORT, 5), 0);
    router.enqueue(10, SUPPORT, T0);
    router.enqueue(11, SUPPORT, T0.plusSeconds(1));

    assertThat(router.next()).contains(new Offer(10, 100));
    assertThat(router.next()).isEmpty();
    assertThat(router.waiting()).isEqualTo(1);
  }

  @Test
  void unavailableOrBusyAgentsAndOtherGroupsGetNothing() {
    idleAgent(100, Map.of(SALES, 5), 0);
    router.seat(101, Map.of(SUPPORT, 5));
    router.eligibility(101, false, T0);
    router.enqueue(10, SUPPORT, T0);

    assertThat(router.next()).isEmpty();
  }

  @Test
  void abandonedCallLeavesTheQueue() {
    router.enqueue(10, SUPPORT, T0);
    router.remove(10);
    idleAgent(100, Map.of(SUPPORT, 5), 0);

    assertThat(router.next()).isEmpty();
  }

  @Test
  void agentWhoLeavesOrStopsTakingInboundGetsNothing() {
    idleAgent(100, Map.of(SUPPORT, 5), 0);
    idleAgent(101, Map.of(SUPPORT, 5), 0);
    router.unseat(100);
    router.seat(101, Map.of());
    router.enqueue(10, SUPPORT, T0);

    Optional<Offer> offer = router.next();

    assertThat(offer).isEmpty();
  }

  @Test
  void callThatRangUnansweredGoesBackToTheHeadOfItsQueue() {
    router.enqueue(10, SUPPORT, T0);
    router.enqueue(11, SUPPORT, T0.plusSeconds(5));
    idleAgent(100, Map.of(SUPPORT, 5), 0);
    Offer offer = router.next().orElseThrow();

    router.enqueue(offer.callId(), SUPPORT, T0);
    idleAgent(101, Map.of(SUPPORT, 5), 30);

    assertThat(router.waiting()).isEqualTo(2);
    assertThat(router.next()).contains(new Offer(10, 101));
  }

  @Test
  void anAgentInSeveralGroupsGetsOneOfferForAllOfThem() {
    idleAgent(100, Map.of(SUPPORT, 5, SALES, 5), 0);
    router.enqueue(10, SUPPORT, T0);
    router.enqueue(20, SALES, T0.plusSeconds(1));

    assertThat(router.next()).contains(new Offer(10, 100));
    assertThat(router.next()).isEmpty();
  }

  @Test
  void agentBackToIdleIsOfferedTheNextCall() {
    idleAgent(100, Map.of(SUPPORT, 5), 0);
    router.enqueue(10, SUPPORT, T0);
    router.enqueue(11, SUPPORT, T0.plusSeconds(1));
    router.next();

    router.eligibility(100, true, T0.plusSeconds(90));

    assertThat(router.next()).contains(new Offer(11, 100));
  }

  @Test
  void changingAGroupsStrategyReordersItsIdleAgents() {
    idleAgent(100, Map.of(SUPPORT, 2), 0);
    idleAgent(101, Map.of(SUPPORT, 8), 10);
    router.enqueue(10, SUPPORT, T0.plusSeconds(60));

    router.configureGroup(SUPPORT, 0, RoutingStrategy.SKILL_LEVEL);

    assertThat(router.next()).contains(new Offer(10, 101));
  }

  @Test
  void raisingAGroupsPriorityServesItsCallsFirst() {
    router.enqueue(10, SUPPORT, T0);
    router.enqueue(20, SALES, T0.plusSeconds(1));
    idleAgent(100, Map.of(SUPPORT, 5, SALES, 5), 0);

    router.configureGroup(SALES, 1, RoutingStrategy.LONGEST_IDLE);

    assertThat(router.next()).contains(new Offer(20, 100));
  }

  @Test
  void callsAnsweredWhileIdleCountForTheFewestCallsStrategy() {
    router.configureGroup(SUPPORT, 0, RoutingStrategy.FEWEST_CALLS);
    idleAgent(100, Map.of(SUPPORT, 5), 0);
    idleAgent(101, Map.of(SUPPORT, 5), 10);
    router.answered(100);
    router.enqueue(10, SUPPORT, T0.plusSeconds(60));

    assertThat(router.next()).contains(new Offer(10, 101));
  }

  @Test
  void agentWhoseMembershipsChangeWhileIdleStaysEligibleInItsNewGroups() {
    idleAgent(100, Map.of(SUPPORT, 5), 0);
    router.seat(100, Map.of(SALES, 5));
    router.enqueue(10, SUPPORT, T0);
    router.enqueue(20, SALES, T0.plusSeconds(1));

    assertThat(router.next()).contains(new Offer(20, 100));
  }

  private void idleAgent(long id, Map<Long, Integer> levels, int idleSinceSeconds) {
    router.seat(id, levels);
    router.eligibility(id, true, T0.plusSeconds(idleSinceSeconds));
  }
}
