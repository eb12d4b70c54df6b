package org.relais.routing;

import java.util.Comparator;
import org.relais.group.RoutingStrategy;

/**
 * The order in which a group's strategy prefers its eligible agents (SPEC C4): the first one gets
 * the call. Ties always fall to the agent idle the longest, then to the lowest id, so that the
 * order is total and a decision never depends on the order agents became eligible in.
 */
public final class AgentChoice {

  private static final Comparator<Candidate> LONGEST_IDLE =
      Comparator.comparing(Candidate::idleSince).thenComparingLong(Candidate::agentId);

  private static final Comparator<Candidate> ROUND_ROBIN =
      Comparator.comparingLong(Candidate::lastOffer).thenComparing(LONGEST_IDLE);

  private static final Comparator<Candidate> FEWEST_CALLS =
      Comparator.comparingInt(Candidate::callsToday).thenComparing(LONGEST_IDLE);

  private static final Comparator<Candidate> SKILL_LEVEL =
      Comparator.comparingInt(Candidate::level).reversed().thenComparing(LONGEST_IDLE);

  private AgentChoice() {}

  /** The preference of a strategy: the smallest candidate is the one offered the call. */
  public static Comparator<Candidate> of(RoutingStrategy strategy) {
    return switch (strategy) {
      case LONGEST_IDLE -> LONGEST_IDLE;
      case ROUND_ROBIN -> ROUND_ROBIN;
      case FEWEST_CALLS -> FEWEST_CALLS;
      case SKILL_LEVEL -> SKILL_LEVEL;
    };
  }
}
