package org.relais.web.push;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.faces.event.WebsocketEvent;
import jakarta.faces.push.PushContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.relais.acd.AcdEvent;
import org.relais.acd.AcdEvent.AgentState;
import org.relais.acd.AcdEvent.CallAnswered;
import org.relais.acd.AcdEvent.CallQueued;
import org.relais.acd.AcdEvent.QueueChanged;
import org.relais.acd.AcdEvents;
import org.relais.desk.DeskQueries.Figures;
import org.relais.desk.DeskQueries.Statistics;
import org.relais.desk.SharedDeskQueries;
import org.relais.desk.SharedDeskQueries.AgentLine;
import org.relais.desk.SharedDeskQueries.QueueCounts;
import org.relais.presence.Activity;
import org.relais.presence.Attendance;
import org.relais.presence.Availability;

/**
 * The open banners hear their own agent's changes at once, and the rest as data read once per
 * account and flush: only their account's, only their groups', a snapshot when their socket opens.
 */
class DeskPushTest {

  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-27T09:00:00Z");

  /** The messages sent on the channel, each with the users it went to. */
  private record Sent(Object message, Set<Object> users) {}

  private final List<Sent> sent = new ArrayList<>();

  /** Flushes scheduled and not run yet. */
  private final List<Runnable> flushes = new ArrayList<>();

  /** The rows the reads answer, per account: agents (with their groups) and queues. */
  private final Map<Long, List<AgentLine>> agents = new LinkedHashMap<>();

  private final Map<Long, Map<String, QueueCounts>> queues = new LinkedHashMap<>();

  /** How many times the account's agents were read: once per flush, whatever the banners. */
  private int reads;

  private final DeskPush push = new DeskPush();

  DeskPushTest() {
    push.attendance = new Attendance(Clock.systemUTC());
    push.feed =
        new DeskFeed(
            Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC),
            Duration.ofMillis(250));
    push.later = (task, delay) -> flushes.add(task);
    push.reads =
        new SharedDeskQueries() {
          @Override
          public Map<String, QueueCounts> queues(long accountId) {
            return queues.getOrDefault(accountId, Map.of());
          }

          @Override
          public List<AgentLine> agents(long accountId) {
            reads++;
            return agents.getOrDefault(accountId, List.of());
          }

          @Override
          public List<AgentLine> agents(long accountId, Collection<Long> agentIds) {
            reads++;
            return agents.getOrDefault(accountId, List.of()).stream()
                .filter(a -> agentIds.contains(a.agentId()))
                .toList();
          }

          @Override
          public Optional<Statistics> statistics(long accountId, long agentId) {
            return agentId == 1
                ? Optional.of(new Statistics(Figures.NONE, Figures.NONE))
                : Optional.empty();
          }
        };
    push.desk =
        new PushContext() {
          @Override
          public Set<Future<Void>> send(Object message) {
            throw new AssertionError("a message to every banner of every account");
          }

          @Override
          public <S extends Serializable> Set<Future<Void>> send(Object message, S user) {
            sent.add(new Sent(message, Set.of(user)));
            return Set.of();
          }

          @Override
          public <S extends Serializable> Map<S, Set<Future<Void>>> send(
              Object message, Collection<S> users) {
            sent.add(new Sent(message, Set.copyOf(users)));
            return Map.of();
          }
        };
    agents.put(
        7L,
        List.of(
            agent(1, "alice", Availability.AVAILABLE, "Support"),
            agent(2, "bob", Availability.UNAVAILABLE, "Support", "Ventes"),
            agent(3, "carol", Availability.AVAILABLE, "Ventes")));
    agents.put(8L, List.of(agent(5, "erin", Availability.AVAILABLE, "Support")));
    queues.put(7L, Map.of("Support", new QueueCounts(2, 1), "Ventes", new QueueCounts(0, 0)));
    queues.put(8L, Map.of("Support", new QueueCounts(9, 9)));
  }

  private static AgentLine agent(
      long id, String login, Availability availability, String... groups) {
    return new AgentLine(id, login, availability, Activity.IDLE, AT, Set.of(groups));
  }

  private void open(String user) {
    push.opened(new WebsocketEvent(DeskPush.CHANNEL, user, null));
  }

  private void commit(AcdEvent... events) {
    push.announce(new AcdEvents(List.of(events)));
  }

  private void runFlushes() {
    List<Runnable> due = List.copyOf(flushes);
    flushes.clear();
    due.forEach(Runnable::run);
  }

  /** The data messages sent since the last call, with the users they went to. */
  private List<Sent> data() {
    List<Sent> data = sent.stream().filter(s -> s.message() instanceof Map).toList();
    sent.clear();
    return data;
  }

  private static Map<String, Object> state(String availability) {
    return Map.of(
        "availability", availability, "activity", "IDLE", "since", AT.toInstant().toEpochMilli());
  }

  @Test
  void anOpenedSocketHearsASnapshotOfItsGroupsAndItsTeamAndItsStatistics() {
    open("7:1");
    runFlushes();

    assertThat(data())
        .containsExactly(
            new Sent(
                Map.of(
                    "queues", Map.of("Support", Map.of("waiting", 2L, "callbacks", 1L)),
                    "agents", Map.of("alice", state("AVAILABLE"), "bob", state("UNAVAILABLE")),
                    "full", true),
                Set.of("7:1")),
            new Sent(
                DeskMessages.statistics(new Statistics(Figures.NONE, Figures.NONE)),
                Set.of("7:1")));
  }

  @Test
  void theAgentsOwnChangeIsToldAtOnceAndOthersChangesComeAsDataOfTheirGroups() {
    open("7:1");
    open("7:3");
    runFlushes();
    data();

    commit(
        new AgentState(7, AT, 2, "bob", Availability.UNAVAILABLE, Activity.IDLE),
        new AgentState(7, AT, 3, "carol", Availability.AVAILABLE, Activity.RINGING),
        new QueueChanged(7, AT, "Support"));

    assertThat(sent).containsExactly(new Sent(DeskPush.YOURS, Set.of("7:3")));
    sent.clear();
    runFlushes();
    assertThat(data())
        .containsExactlyInAnyOrder(
            new Sent(
                Map.of(
                    "queues", Map.of("Support", Map.of("waiting", 2L, "callbacks", 1L)),
                    "agents", Map.of("bob", state("UNAVAILABLE"))),
                Set.of("7:1")),
            new Sent(
                Map.of(
                    "queues", Map.of("Ventes", Map.of("waiting", 0L, "callbacks", 0L)),
                    "agents", Map.of("bob", state("UNAVAILABLE"), "carol", state("AVAILABLE"))),
                Set.of("7:3")));
  }

  @Test
  void changesOfSeveralTransactionsAreReadOnceAndSentOnceToTheBannersOfTheSameGroups() {
    open("7:1");
    open("7:2");
    runFlushes();
    data();
    reads = 0;

    for (int i = 0; i < 5; i++) {
      commit(new AgentState(7, AT, 3, "carol", Availability.AVAILABLE, Activity.TALKING));
    }

    assertThat(flushes).hasSize(1);
    runFlushes();
    assertThat(reads).isEqualTo(1);
    assertThat(data())
        .containsExactly(
            new Sent(Map.of("agents", Map.of("carol", state("AVAILABLE"))), Set.of("7:2")));
  }

  @Test
  void anotherAccountsChangesReachNoneOfTheseBanners() {
    open("7:1");
    runFlushes();
    data();

    commit(
        new AgentState(8, AT, 5, "erin", Availability.AVAILABLE, Activity.RINGING),
        new CallQueued(8, AT, 300, "Support", "0600000000"),
        new QueueChanged(8, AT, "Support"));
    runFlushes();

    assertThat(sent).isEmpty();
  }

  @Test
  void theCallsThatChangedAreNamedForTheBannersLines() {
    open("7:1");
    runFlushes();
    data();

    commit(new CallAnswered(7, AT, 100, "carol"));
    runFlushes();

    assertThat(data()).containsExactly(new Sent(Map.of("calls", List.of(100L)), Set.of("7:1")));
  }

  @Test
  void aClosedBannerHearsNothing() {
    open("7:1");
    push.closed(new WebsocketEvent(DeskPush.CHANNEL, "7:1", null));

    commit(new AgentState(7, AT, 1, "alice", Availability.AVAILABLE, Activity.RINGING));
    runFlushes();

    assertThat(sent).isEmpty();
  }
}
