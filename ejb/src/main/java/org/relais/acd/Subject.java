package org.relais.acd;

/**
 * What a switch event is about, when the engine can tell before applying it: a batch reads the
 * presences its events will need together, in one query instead of one each.
 */
sealed interface Subject {

  /** An agent's phone, as the switch names it in its events. */
  record Phone(String account, String extension) implements Subject {}

  /** A call arriving in a group, which will most likely be offered to the group's best agent. */
  record Arrival(String account, String group) implements Subject {}
}
