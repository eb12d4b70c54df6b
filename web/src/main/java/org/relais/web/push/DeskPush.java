package org.relais.web.push;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.event.WebsocketEvent;
import jakarta.faces.event.WebsocketEvent.Closed;
import jakarta.faces.event.WebsocketEvent.Opened;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.acd.AcdEvent;
import org.relais.acd.AcdEvent.AgentGroup;
import org.relais.acd.AcdEvent.AgentState;
import org.relais.acd.AcdEvent.CallAbandoned;
import org.relais.acd.AcdEvent.CallAnswered;
import org.relais.acd.AcdEvent.CallEnded;
import org.relais.acd.AcdEvent.CallNotAnswered;
import org.relais.acd.AcdEvent.CallOffered;
import org.relais.acd.AcdEvent.DialerAttempt;
import org.relais.acd.AcdEvent.PhoneRegistration;
import org.relais.acd.AcdEvent.QueueChanged;
import org.relais.acd.AcdEvents;
import org.relais.desk.SharedDeskQueries;
import org.relais.desk.SharedDeskQueries.AgentLine;
import org.relais.presence.Attendance;
import org.relais.web.push.DeskFeed.Changes;
import org.relais.web.push.DeskMessages.Floor;
import org.relais.web.push.DeskMessages.Message;

/**
 * Carries committed ACD events to the open banners over the Faces websocket channel {@code desk}
 * (SPEC C5). Each banner opens the channel as user {@code accountId:agentId}; only its account's
 * changes ever reach it.
 *
 * <p>A banner whose own agent changed hears {@code yours} at once and reads its desk again (a Faces
 * request: what the agent itself does). Everything else (other agents' states, queue and callback
 * counts, the agent's statistics) comes as data the banner applies without a request: the account's
 * changes are coalesced ({@link DeskFeed}, at most one flush every {@code
 * relais.push.desk-interval-ms}), read once per account and flush whatever the number of banners
 * ({@link SharedDeskQueries}), and sent as a few messages shared by the banners of the same groups
 * ({@link DeskMessages}). So the server's cost of a change does not grow with the banner's page. A
 * socket that opens, or opens again after a drop, hears a whole snapshot at the next flush.
 */
@ApplicationScoped
public class DeskPush {

  private static final Logger LOG = Logger.getLogger(DeskPush.class.getName());

  public static final String CHANNEL = "desk";

  /** The message to a banner whose own agent changed. */
  static final String YOURS = "yours";

  @Inject Attendance attendance;

  @Inject PushMeters meters;

  @Inject SharedDeskQueries reads;
  @Inject Clock clock;
  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "relais.push.desk-interval-ms", defaultValue = "250")
  long intervalMs;

  @Inject
  @Push(channel = CHANNEL)
  PushContext desk;

  /** Open banners per account: each websocket user, with its agent's groups once read. */
  private final Map<Long, Map<String, Set<String>>> openBanners = new ConcurrentHashMap<>();

  /** Counts messages sent, one per banner. */
  LongConsumer pushed = n -> {};

  DeskFeed feed;

  /** Runs a flush after a delay: on the push's one thread, so flushes never overlap. */
  BiConsumer<Runnable, Duration> later;

  private ScheduledExecutorService flusher;

  /**
   * Starts with the web application, not with the bean: the engine's recovery announces events, and
   * so may make this bean, before the web module (its metrics, its threads) is up.
   */
  void start(@Observes @Initialized(ApplicationScoped.class) ServletContext web) {
    pushed = meters.pushed(CHANNEL);
    meters.open(CHANNEL, () -> openBanners.values().stream().mapToInt(Map::size).sum());
    feed = new DeskFeed(clock, Duration.ofMillis(intervalMs));
    flusher = Executors.newSingleThreadScheduledExecutor(threads);
    later = (task, delay) -> flusher.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (flusher != null) {
      flusher.shutdownNow();
    }
  }

  void opened(@Observes @Opened WebsocketEvent socket) {
    if (CHANNEL.equals(socket.getChannel()) && socket.getUser() instanceof String user) {
      long accountId = accountOf(user);
      openBanners.computeIfAbsent(accountId, a -> new ConcurrentHashMap<>()).put(user, Set.of());
      attendance.bannerOpened(agentOf(user));
      schedule(accountId, feed.resync(accountId, user));
    }
  }

  void closed(@Observes @Closed WebsocketEvent socket) {
    if (CHANNEL.equals(socket.getChannel()) && socket.getUser() instanceof String user) {
      long accountId = accountOf(user);
      Map<String, Set<String>> banners = openBanners.get(accountId);
      if (banners != null) {
        banners.remove(user);
        if (banners.isEmpty()) {
          feed.forget(accountId);
        }
      }
      attendance.bannerClosed(agentOf(user));
    }
  }

  /**
   * Tells at once the banners whose own agent changed, and notes the rest for the account's next
   * flush.
   */
  void announce(@Observes(notifyObserver = Reception.IF_EXISTS) AcdEvents committed) {
    Map<Long, AccountChanges> byAccount = new HashMap<>();
    for (AcdEvent event : committed.events()) {
      if (!openBanners.containsKey(event.accountId())) {
        continue;
      }
      AccountChanges changes =
          byAccount.computeIfAbsent(event.accountId(), a -> new AccountChanges());
      if (event instanceof AgentState state) {
        changes.agents.add(state.agentId());
      } else if (event instanceof PhoneRegistration phone) {
        changes.agents.add(phone.agentId());
      } else if (event instanceof AgentGroup regrouped) {
        changes.agents.add(regrouped.agentId());
        changes.queues = true;
      } else if (event instanceof QueueChanged
          || event instanceof CallAbandoned
          || event instanceof DialerAttempt) {
        changes.queues = true;
      } else if (event instanceof CallOffered offered) {
        changes.calls.add(offered.callId());
      } else if (event instanceof CallAnswered answered) {
        changes.calls.add(answered.callId());
      } else if (event instanceof CallNotAnswered notAnswered) {
        changes.calls.add(notAnswered.callId());
      } else if (event instanceof CallEnded ended) {
        changes.calls.add(ended.callId());
      }
    }
    byAccount.forEach(
        (accountId, changes) -> {
          Map<String, Set<String>> banners = openBanners.get(accountId);
          if (banners == null || banners.isEmpty()) {
            return;
          }
          send(YOURS, DeskMessages.usersOf(banners.keySet(), changes.agents));
          schedule(
              accountId, feed.changed(accountId, changes.agents, changes.queues, changes.calls));
        });
  }

  private void schedule(long accountId, Optional<Duration> delay) {
    delay.ifPresent(d -> later.accept(() -> flush(accountId), d));
  }

  /** Reads once what changed in the account and sends it to its open banners. */
  void flush(long accountId) {
    Changes changes = feed.take(accountId);
    Map<String, Set<String>> banners = openBanners.get(accountId);
    if (banners == null || banners.isEmpty()) {
      return;
    }
    try {
      List<AgentLine> everyone = changes.snapshot() ? reads.agents(accountId) : null;
      List<AgentLine> changed =
          everyone != null ? everyone : reads.agents(accountId, changes.agents());
      Floor floor =
          new Floor(
              changes.queues() || changes.snapshot() ? reads.queues(accountId) : null,
              changed.stream().filter(a -> changes.agents().contains(a.agentId())).toList(),
              everyone,
              changes.calls());
      learnGroups(banners, DeskMessages.groupsOf(changed), everyone != null);
      for (Message message : DeskMessages.of(floor, Map.copyOf(banners), changes.resync())) {
        send(message.body(), message.users());
      }
      sendStatistics(accountId, banners, changes);
    } catch (RuntimeException e) {
      // The next change or reconnection reads again; this flush's banners resync when they reopen.
      LOG.log(Level.WARNING, "desk push of account " + accountId + " failed", e);
    }
  }

  /**
   * Remembers each banner's groups as the flush read them: a snapshot reads every agent, a change
   * the agents that changed.
   */
  private static void learnGroups(
      Map<String, Set<String>> banners, Map<Long, Set<String>> groups, boolean everyone) {
    for (String user : banners.keySet()) {
      Set<String> read = groups.get(agentOf(user));
      if (read != null || everyone) {
        banners.replace(user, read == null ? Set.of() : read);
      }
    }
  }

  /** Each banner whose agent changed, or that opened, hears its statistics. */
  private void sendStatistics(long accountId, Map<String, Set<String>> banners, Changes changes) {
    Set<Long> agents = new HashSet<>(changes.agents());
    changes.resync().forEach(user -> agents.add(agentOf(user)));
    Set<String> users = DeskMessages.usersOf(banners.keySet(), agents);
    Map<Long, Set<String>> usersByAgent = new HashMap<>();
    users.forEach(u -> usersByAgent.computeIfAbsent(agentOf(u), a -> new HashSet<>()).add(u));
    usersByAgent.forEach(
        (agentId, agentUsers) ->
            reads
                .statistics(accountId, agentId)
                .ifPresent(s -> send(DeskMessages.statistics(s), agentUsers)));
  }

  private void send(Object message, Set<String> users) {
    if (!users.isEmpty()) {
      desk.send(message, users);
      pushed.accept(users.size());
    }
  }

  /** The user a banner opens the channel as: its agent, within its account. */
  public static String userOf(long accountId, long agentId) {
    return accountId + ":" + agentId;
  }

  static long agentOf(String user) {
    return Long.parseLong(user.substring(user.indexOf(':') + 1));
  }

  private static long accountOf(String user) {
    return Long.parseLong(user.substring(0, user.indexOf(':')));
  }

  /** One account's changes in one transaction. */
  private static final class AccountChanges {
    final Set<Long> agents = new HashSet<>();
    boolean queues;
    final Set<Long> calls = new HashSet<>();
  }
}
