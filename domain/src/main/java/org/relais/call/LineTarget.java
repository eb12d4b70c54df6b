package org.relais.call;

import org.relais.InvalidFieldException;

/**
 * Whom a consult call or a transfer goes to (SPEC B12): a number, an agent (by login) or a group
 * (by name), exactly one of them.
 */
public record LineTarget(Kind kind, String name) {

  public enum Kind {
    NUMBER,
    AGENT,
    GROUP
  }

  /** The one target given, the others null or blank; 400 naming {@code number} otherwise. */
  public static LineTarget of(String number, String agent, String group) {
    LineTarget target = null;
    int given = 0;
    if (present(number)) {
      target = new LineTarget(Kind.NUMBER, number.strip());
      given++;
    }
    if (present(agent)) {
      target = new LineTarget(Kind.AGENT, agent.strip());
      given++;
    }
    if (present(group)) {
      target = new LineTarget(Kind.GROUP, group.strip());
      given++;
    }
    if (given != 1) {
      throw new InvalidFieldException("number", "given, or else one agent or one group");
    }
    return target;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
