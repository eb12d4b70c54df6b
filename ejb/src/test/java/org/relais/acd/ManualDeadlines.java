package org.relais.acd;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The agents' timers in unit tests: armed and cancelled as in the server, fired by the test. */
final class ManualDeadlines implements Deadlines {

  final Map<Long, OffsetDateTime> armed = new HashMap<>();

  @Override
  public void arm(long agentId, OffsetDateTime deadline) {
    armed.put(agentId, deadline);
  }

  @Override
  public void disarm(long agentId) {
    armed.remove(agentId);
  }

  @Override
  public void fired(long agentId) {
    armed.remove(agentId);
  }

  /** The earliest deadline due at {@code now}, if any. */
  Optional<Map.Entry<Long, OffsetDateTime>> nextDue(Instant now) {
    return armed.entrySet().stream()
        .filter(e -> !e.getValue().toInstant().isAfter(now))
        .min(Comparator.comparing(Map.Entry::getValue))
        .map(e -> Map.entry(e.getKey(), e.getValue()));
  }
}
