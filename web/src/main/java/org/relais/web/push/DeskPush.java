package org.relais.web.push;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.event.WebsocketEvent;
import jakarta.faces.event.WebsocketEvent.Closed;
import jakarta.faces.event.WebsocketEvent.Opened;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.relais.acd.AcdEvent;
import org.relais.acd.AcdEvent.AgentState;
import org.relais.acd.AcdEvents;
import org.relais.presence.Attendance;

/**
 * Carries committed ACD events to the open banners over the Faces websocket channel {@code desk}
 * (SPEC C5). Each banner opens the channel as user {@code accountId:agentId}; a transaction's
 * events reach every open banner of their account, which then reads its desk again. Only the
 * account's banners hear them: the channel never crosses accounts.
 *
 * <p>Reading its desk again re-renders the banner on the server, so a banner hears whether the
 * change is its own agent's, which it shows at once by reading its whole desk, or only its team's
 * and queues', which it shows within a second, however many such changes came meanwhile, by reading
 * those parts alone.
 */
@ApplicationScoped
public class DeskPush {

  public static final String CHANNEL = "desk";

  /** The message to a banner whose own agent changed. */
  static final String YOURS = "yours";

  /** The message to a banner whose team or queues changed. */
  static final String CHANGED = "changed";

  @Inject Attendance attendance;
  @Inject PushMeters meters;

  @Inject
  @Push(channel = CHANNEL)
  PushContext desk;

  /** Open banners per account, as the websocket users they registered with. */
  private final Map<Long, Set<String>> openBanners = new ConcurrentHashMap<>();

  /** Messages sent, one per banner. */
  Counter pushed;

  @PostConstruct
  void start() {
    pushed = meters.pushed(CHANNEL);
    meters.open(CHANNEL, () -> openBanners.values().stream().mapToInt(Set::size).sum());
  }

  void opened(@Observes @Opened WebsocketEvent socket) {
    if (CHANNEL.equals(socket.getChannel()) && socket.getUser() instanceof String user) {
      openBanners.computeIfAbsent(accountOf(user), a -> ConcurrentHashMap.newKeySet()).add(user);
      attendance.bannerOpened(agentOf(user));
    }
  }

  void closed(@Observes @Closed WebsocketEvent socket) {
    if (CHANNEL.equals(socket.getChannel()) && socket.getUser() instanceof String user) {
      Set<String> users = openBanners.get(accountOf(user));
      if (users != null) {
        users.remove(user);
      }
      attendance.bannerClosed(agentOf(user));
    }
  }

  /**
   * At most one message per open banner and transaction, however many events it committed: a banner
   * reads its desk again on any message, so it needs to hear only that something changed, and
   * whether its own agent did.
   */
  void announce(@Observes AcdEvents committed) {
    Map<Long, Set<String>> ownChanges = new LinkedHashMap<>();
    for (AcdEvent event : committed.events()) {
      Set<String> changed = ownChanges.computeIfAbsent(event.accountId(), a -> new HashSet<>());
      if (event instanceof AgentState state) {
        changed.add(userOf(state.accountId(), state.agentId()));
      }
    }
    ownChanges.forEach(
        (accountId, changed) -> {
          Set<String> users = openBanners.get(accountId);
          if (users != null && !users.isEmpty()) {
            Map<Boolean, List<String>> own =
                users.stream().collect(Collectors.partitioningBy(changed::contains));
            send(YOURS, own.get(true));
            send(CHANGED, own.get(false));
          }
        });
  }

  private void send(String message, List<String> users) {
    if (!users.isEmpty()) {
      desk.send(message, users);
      pushed.inc(users.size());
    }
  }

  /** The user a banner opens the channel as: its agent, within its account. */
  public static String userOf(long accountId, long agentId) {
    return accountId + ":" + agentId;
  }

  private static long agentOf(String user) {
    return Long.parseLong(user.substring(user.indexOf(':') + 1));
  }

  private static long accountOf(String user) {
    return Long.parseLong(user.substring(0, user.indexOf(':')));
  }
}
