package org.relais.group;

import org.relais.InvalidFieldException;

/**
 * A group's queue limits and where its calls go past them (SPEC E2): a call that has waited {@code
 * maxWait} seconds, that finds {@code maxQueueLength} calls waiting already, or (with {@code
 * whenNoAgent}) that arrives while none of the group's agents is connected, moves to the group
 * named {@code toGroup}, keeping its wait, or to the group's callback list when none is named. A
 * call overflows once: in the second group, its limits send the call to that group's callback list.
 *
 * @param maxWait seconds a call may wait in the queue; 0 for no limit
 * @param maxQueueLength how many calls may wait at once; 0 for no limit
 * @param whenNoAgent whether a call overflows at once while none of the group's agents is connected
 * @param toGroup the name of the account's group that takes the calls; null for the callback list
 */
public record Overflow(int maxWait, int maxQueueLength, boolean whenNoAgent, String toGroup) {

  /** A queue without limits: every call waits until it is answered or abandoned. */
  public static final Overflow NONE = new Overflow(0, 0, false, null);

  public static final int MAX_QUEUE_LENGTH = 10_000;

  public Overflow {
    if (maxWait < 0 || maxWait > GroupSettings.MAX_SECONDS) {
      throw new InvalidFieldException("maxWait", "between 0 and " + GroupSettings.MAX_SECONDS);
    }
    if (maxQueueLength < 0 || maxQueueLength > MAX_QUEUE_LENGTH) {
      throw new InvalidFieldException("maxQueueLength", "between 0 and " + MAX_QUEUE_LENGTH);
    }
    toGroup = toGroup == null || toGroup.isBlank() ? null : toGroup.strip();
  }
}
