package org.relais.agent;

/**
 * An agent's place in one group as an admin asks for it (SPEC E1) and as the API shows it back: the
 * group's {@code name}, whether the agent takes the group's inbound calls and its outbound calls,
 * and its proficiency (1-10). {@link Membership} is the stored row; this is the value that writes
 * it and the one the console and the API read it as.
 */
public record GroupAssignment(String name, boolean inbound, boolean outbound, int level) {

  /** The membership as it is now. */
  public static GroupAssignment of(Membership m) {
    return new GroupAssignment(m.getGroup().getName(), m.isInbound(), m.isOutbound(), m.getLevel());
  }
}
