package org.relais.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.group.RoutingStrategy;

/** The order of each routing strategy (SPEC C4), on its own. */
class AgentChoiceTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void longestIdleComesFirstByDefault() {
    Candidate recent = new Candidate(1, T0.plusSeconds(60), 0, 10, 0);
    Candidate longest = new Candidate(2, T0, 50, 1, 9);

    assertThat(preferred(RoutingStrategy.LONGEST_IDLE, recent, longest)).isEqualTo(longest);
  }

  @Test
  void roundRobinPrefersTheAgentOfferedLeastRecently() {
    Candidate justOffered = new Candidate(1, T0, 0, 5, 7);
    Candidate offeredEarlier = new Candidate(2, T0.plusSeconds(60), 0, 5, 3);

    assertThat(preferred(RoutingStrategy.ROUND_ROBIN, justOffered, offeredEarlier))
        .isEqualTo(offeredEarlier);
  }

  @Test
  void fewestCallsPrefersTheAgentWhoAnsweredFewestToday() {
    Candidate busy = new Candidate(1, T0, 12, 5, 0);
    Candidate quiet = new Candidate(2, T0.plusSeconds(60), 3, 5, 0);

    assertThat(preferred(RoutingStrategy.FEWEST_CALLS, busy, quiet)).isEqualTo(quiet);
  }

  @Test
  void skillLevelPrefersTheMostProficientThenTheLongestIdle() {
    Candidate novice = new Candidate(1, T0, 0, 2, 0);
    Candidate expertRecent = new Candidate(2, T0.plusSeconds(60), 0, 9, 0);
    Candidate expertLongest = new Candidate(3, T0.plusSeconds(30), 0, 9, 0);

    assertThat(preferred(RoutingStrategy.SKILL_LEVEL, novice, expertRecent, expertLongest))
        .isEqualTo(expertLongest);
  }

  @Test
  void everyStrategyBreaksFullTiesByTheLowestAgentId() {
    Candidate higher = new Candidate(8, T0, 4, 5, 2);
    Candidate lower = new Candidate(3, T0, 4, 5, 2);

    for (RoutingStrategy strategy : RoutingStrategy.values()) {
      assertThat(preferred(strategy, higher, lower)).as(strategy.name()).isEqualTo(lower);
    }
  }

  private static Candidate preferred(RoutingStrategy strategy, Candidate... candidates) {
    return List.of(candidates).stream().min(AgentChoice.of(strategy)).orElseThrow();
  }
}
