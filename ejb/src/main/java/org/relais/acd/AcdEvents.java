package org.relais.acd;

import java.util.List;

/**
 * The events of one committed transaction of the engine, in the order they happened; fired once the
 * transaction has committed, so observers never hear of what was rolled back. One CDI event per
 * transaction rather than one per {@link AcdEvent}: a call's life is about ten events, and each
 * deferred notification costs the engine's thread more than what the observers do with it.
 */
public record AcdEvents(List<AcdEvent> events) {

  public AcdEvents {
    events = List.copyOf(events);
  }
}
