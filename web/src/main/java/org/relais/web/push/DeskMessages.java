package org.relais.web.push;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.relais.desk.DeskQueries.Figures;
import org.relais.desk.DeskQueries.Statistics;
import org.relais.desk.SharedDeskQueries.AgentLine;
import org.relais.desk.SharedDeskQueries.QueueCounts;

/**
 * The data messages of one account's flush, built once for all its open banners: each banner hears
 * the counts of its own groups and the states of the agents its team shows (those sharing one of
 * its groups), so banners of the same groups share one message. A snapshot holds all of it, a
 * change only what changed. Messages are maps, which the websocket writes as JSON once per message
 * whatever the number of banners it goes to.
 *
 * <p>{@code calls} names the account's calls that rang, answered, went unanswered or ended: a
 * banner showing one of them among its lines (a consult call) reads its desk again.
 */
final class DeskMessages {

  /** One message and the banners (websocket users) it goes to. */
  record Message(Map<String, Object> body, Set<String> users) {}

  /**
   * What one flush read of the account: queue counts (null when none changed and no banner needs a
   * snapshot), the agents that changed, every agent (null unless a banner needs a snapshot).
   */
  record Floor(
      Map<String, QueueCounts> queues,
      List<AgentLine> changed,
      List<AgentLine> everyone,
      Collection<Long> calls) {}

  private DeskMessages() {}

  /**
   * The messages of one flush.
   *
   * @param banners the account's open banners: websocket user to its agent's groups
   * @param resync the banners that hear a snapshot
   */
  static List<Message> of(Floor floor, Map<String, Set<String>> banners, Set<String> resync) {
    Map<Set<String>, Set<String>> changeAudiences = new LinkedHashMap<>();
    Map<Set<String>, Set<String>> snapshotAudiences = new LinkedHashMap<>();
    banners.forEach(
        (user, groups) ->
            (resync.contains(user) ? snapshotAudiences : changeAudiences)
                .computeIfAbsent(groups, g -> new TreeSet<>())
                .add(user));
    List<Message> messages = new ArrayList<>();
    changeAudiences.forEach(
        (groups, users) -> {
          Map<String, Object> body = body(floor.queues(), floor.changed(), floor.calls(), groups);
          if (!body.isEmpty()) {
            messages.add(new Message(body, users));
          }
        });
    snapshotAudiences.forEach(
        (groups, users) -> {
          Map<String, Object> body = body(floor.queues(), floor.everyone(), floor.calls(), groups);
          body.put("full", true);
          messages.add(new Message(body, users));
        });
    return messages;
  }

  /** Each agent's groups, as the flush read them, for the banners of the agents it read. */
  static Map<Long, Set<String>> groupsOf(Collection<AgentLine> agents) {
    Map<Long, Set<String>> groups = new HashMap<>();
    for (AgentLine agent : agents) {
      groups.put(agent.agentId(), agent.groups());
    }
    return groups;
  }

  /** The statistics module's figures (SPEC B14), as the banner names them. */
  static Map<String, Object> statistics(Statistics statistics) {
    return Map.of(
        "statistics",
        Map.of("session", figures(statistics.session()), "today", figures(statistics.today())));
  }

  private static Map<String, Object> body(
      Map<String, QueueCounts> queues,
      List<AgentLine> agents,
      Collection<Long> calls,
      Set<String> groups) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (queues != null) {
      Map<String, Object> counts = new TreeMap<>();
      for (String group : groups) {
        QueueCounts q = queues.get(group);
        if (q != null) {
          counts.put(group, Map.of("waiting", q.waiting(), "callbacks", q.callbacks()));
        }
      }
      if (!counts.isEmpty()) {
        body.put("queues", counts);
      }
    }
    Map<String, Object> states = new TreeMap<>();
    for (AgentLine agent : agents) {
      if (!Collections.disjoint(agent.groups(), groups)) {
        states.put(agent.login(), state(agent));
      }
    }
    if (!states.isEmpty()) {
      body.put("agents", states);
    }
    if (!calls.isEmpty()) {
      body.put("calls", new ArrayList<>(new TreeSet<>(calls)));
    }
    return body;
  }

  private static Map<String, Object> state(AgentLine agent) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("availability", agent.availability().name());
    if (agent.activity() != null) {
      state.put("activity", agent.activity().name());
    }
    if (agent.since() != null) {
      state.put("since", agent.since().toInstant().toEpochMilli());
    }
    return state;
  }

  private static Map<String, Object> figures(Figures f) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("offered", f.offered());
    figures.put("answered", f.answered());
    figures.put("missed", f.missed());
    figures.put("totalTalk", f.totalTalk());
    figures.put("averageTalk", f.averageTalk());
    figures.put("totalHandling", f.totalHandling());
    figures.put("averageHandling", f.averageHandling());
    figures.put("outbound", f.outbound());
    figures.put("totalOutboundTalk", f.totalOutboundTalk());
    figures.put("averageOutboundTalk", f.averageOutboundTalk());
    return figures;
  }

  /** The banners' users whose agent is one of {@code agentIds}. */
  static Set<String> usersOf(Collection<String> users, Set<Long> agentIds) {
    Set<String> of = new HashSet<>();
    for (String user : users) {
      if (agentIds.contains(DeskPush.agentOf(user))) {
        of.add(user);
      }
    }
    return of;
  }
}
