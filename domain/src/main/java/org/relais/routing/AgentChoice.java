package org.relais.routing;

import java.util.Collection;
import java.util.Comparator;
import org.relais.group.RoutingStrategy;

/**
 * Picks, among the agents eligible for a call, the one a group's strategy prefers (SPEC C4). Ties
 * always fall to the agent idle the longest, then to the lowest id, so that a decision never
 * depends on iteration order.
 */
public final class AgentChoice {

  private static final Comparator<Candidate> LONGEST_IDLE =
      Comparator.comparing(Candidate::idleSince).thenComparingLong(Candidate::agentId);

  private final Comparator<Candidate> preference;

  private AgentChoice(Comparator<Candidate> preference) {
    this.preference = preference;
  }

  public static AgentChoice of(RoutingStrategy strategy) {
    return new AgentChoice(
        switch (strategy) {
          case LONGEST_IDLE -> LONGEST_IDLE;
          case ROUND_ROBIN ->
              Comparator.comparingLong(Candidate::lastOffer).thenComparing(LONGEST_IDLE);
          case FEWEST_CALLS ->
              Comparator.comparingInt(Candidate::callsToday).thenComparing(LONGEST_IDLE);
          case SKILL_LEVEL ->
              Comparator.comparingInt(Candidate::level).reversed().thenComparing(LONGEST_IDLE);
        });
  }

  /**
   * @throws IllegalArgumentException when there is no candidate
   */
  public Candidate pick(Collection<Candidate> candidates) {
    return candidates.stream()
        .min(preference)
        .orElseThrow(() -> new IllegalArgumentException("no eligible agent"));
  }
}
