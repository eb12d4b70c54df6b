package org.relais.acd;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The agents' and queued calls' timers in unit tests: armed and cancelled as in the server, fired
 * by the test.
 */
final class ManualDeadlines implements Deadlines {

  /** A timer due: an agent's deadline, or a call's wait limit. */
  record Due(long id, OffsetDateTime at, boolean waitLimit) {}

  final Map<Long, OffsetDateTime> armed = new HashMap<>();
  final Map<Long, OffsetDateTime> waitLimits = new HashMap<>();

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

  @Override
  public void armWaitLimit(long callId, OffsetDateTime limit) {
    waitLimits.put(callId, limit);
  }

  @Override
  public void disarmWaitLimit(long callId) {
    waitLimits.remove(callId);
  }

  /** The earliest timer due at {@code now}, if any. */
  Optional<Due> nextDue(Instant now) {
    return Stream.concat(
            armed.entrySet().stream().map(e -> new Due(e.getKey(), e.getValue(), false)),
            waitLimits.entrySet().stream().map(e -> new Due(e.getKey(), e.getValue(), true)))
        .filter(due -> !due.at().toInstant().isAfter(now))
        .min(Comparator.comparing(Due::at));
  }
}
