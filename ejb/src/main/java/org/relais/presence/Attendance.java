package org.relais.presence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether connected agents are still there (SPEC C2): an agent holds its banner's socket open, or
 * acts through the API now and then. An agent whose browser vanished, or whose API client stopped,
 * would otherwise stay connected and available for ever, and every call offered to its empty desk
 * would ring out and send it into penalty again. Kept in memory only: after a restart every agent
 * counts as seen at the start, and has the whole silence to show itself again.
 */
@ApplicationScoped
public class Attendance {

  private final Map<Long, Integer> openBanners = new ConcurrentHashMap<>();
  private final Map<Long, Instant> lastSeen = new ConcurrentHashMap<>();
  private Clock clock;
  private Instant started;

  protected Attendance() {}

  @Inject
  public Attendance(Clock clock) {
    this.clock = clock;
    this.started = clock.instant();
  }

  /** The agent acted: a request of its banner or of its API client. */
  public void seen(long agentId) {
    lastSeen.put(agentId, clock.instant());
  }

  public void bannerOpened(long agentId) {
    openBanners.merge(agentId, 1, Integer::sum);
    seen(agentId);
  }

  /** One of the agent's banners closed its socket; it may hold others. */
  public void bannerClosed(long agentId) {
    openBanners.computeIfPresent(agentId, (id, open) -> open > 1 ? open - 1 : null);
    seen(agentId);
  }

  /** Whether the agent holds a banner open, or has shown itself since {@code since}. */
  public boolean there(long agentId, Instant since) {
    return openBanners.containsKey(agentId)
        || !lastSeen.getOrDefault(agentId, started).isBefore(since);
  }
}
