package org.relais.group;

/** How a group picks among its eligible agents (SPEC C4). */
public enum RoutingStrategy {
  LONGEST_IDLE,
  ROUND_ROBIN,
  FEWEST_CALLS,
  SKILL_LEVEL
}
