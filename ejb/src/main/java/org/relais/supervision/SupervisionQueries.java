package org.relais.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.relais.account.Account;
import org.relais.account.AccountTime;
import org.relais.agent.Agent;
import org.relais.agent.Membership;
import org.relais.call.Call;
import org.relais.call.CallDirection;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.call.TimeRange;
import org.relais.desk.DeskQueries;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.AgentPresence;
import org.relais.presence.Availability;
import org.relais.supervision.DayCurve.GroupCalls;
import org.relais.supervision.DayCurve.Slot;

/**
 * What the wallboard and the supervision API show (SPEC E5), read from the committed rows without
 * the engine's lock. A supervisor sees the groups it belongs to and their agents; an admin (or an
 * account-wide API token: a null viewer) sees the whole account. "Today" is the account's day.
 */
@ApplicationScoped
public class SupervisionQueries {

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject Clock clock;
  @Inject AccountTime accountTime;
  @Inject DeskQueries desk;

  /** A group's live line: its queue, its agents by state and its day so far. */
  public record GroupLine(
      String name,
      int serviceLevelSeconds,
      long waiting,
      long longestWait,
      AgentCounts agents,
      DayFigures today) {}

  /** The call an agent has in hand. */
  public record CurrentCall(String callId, String number, String group, OffsetDateTime since) {}

  /** An agent's figures of today: calls answered and missed, average handling seconds. */
  public record AgentDay(long answered, long missed, long handle) {}

  /** An agent's live line. {@code since} is null while disconnected. */
  public record AgentLine(
      String login,
      String name,
      List<String> groups,
      List<String> inbound,
      Availability availability,
      Activity activity,
      OffsetDateTime since,
      CurrentCall call,
      AgentDay today) {}

  /**
   * The wallboard at one moment: the viewer's groups and agents, and the day's curve of those
   * groups' calls.
   */
  public record Board(
      OffsetDateTime at, List<GroupLine> groups, List<AgentLine> agents, List<Slot> curve) {}

  /** The groups the viewer supervises, by name. */
  public List<GroupLine> groups(Account account, Agent viewer) {
    List<QueueGroup> groups = visibleGroups(account, viewer);
    OffsetDateTime now = OffsetDateTime.now(clock);
    return groups.isEmpty()
        ? List.of()
        : groupLines(account, groups, todaysCalls(account, accountTime.today(account), now), now);
  }

  /** What the viewer's wallboard shows, read at once. */
  public Board board(Account account, Agent viewer) {
    List<QueueGroup> groups = visibleGroups(account, viewer);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (groups.isEmpty()) {
      return new Board(now, List.of(), List.of(), List.of());
    }
    TimeRange today = accountTime.today(account);
    Map<String, List<CallTrace>> calls = todaysCalls(account, today, now);
    List<GroupCalls> curve =
        groups.stream()
            .map(
                g ->
                    new GroupCalls(
                        g.serviceLevelSeconds(), calls.getOrDefault(g.getName(), List.of())))
            .toList();
    return new Board(
        now,
        groupLines(account, groups, calls, now),
        agents(account, groups),
        DayCurve.of(curve, today.from(), now));
  }

  private List<GroupLine> groupLines(
      Account account,
      List<QueueGroup> groups,
      Map<String, List<CallTrace>> calls,
      OffsetDateTime now) {
    Map<Long, Object[]> queues = queues(account);
    Map<Long, AgentCounts> agents = agentCounts(account);
    List<GroupLine> lines = new ArrayList<>(groups.size());
    for (QueueGroup g : groups) {
      Object[] queue = queues.get(g.getId());
      long waiting = queue == null ? 0 : (Long) queue[1];
      long longest =
          queue == null
              ? 0
              : Math.max(0, Duration.between((OffsetDateTime) queue[2], now).toSeconds());
      lines.add(
          new GroupLine(
              g.getName(),
              g.serviceLevelSeconds(),
              waiting,
              longest,
              agents.getOrDefault(g.getId(), AgentCounts.NONE),
              DayFigures.of(
                  calls.getOrDefault(g.getName(), List.of()), g.serviceLevelSeconds(), now)));
    }
    return lines;
  }

  /** The agents of the groups the viewer supervises, by login. */
  public List<AgentLine> agents(Account account, Agent viewer) {
    return agents(account, visibleGroups(account, viewer));
  }

  private List<AgentLine> agents(Account account, List<QueueGroup> groups) {
    Set<Long> groupIds = groups.stream().map(QueueGroup::getId).collect(Collectors.toSet());
    if (groupIds.isEmpty()) {
      return List.of();
    }
    List<Agent> agents =
        em.createQuery(
                "SELECT DISTINCT a FROM Agent a JOIN a.memberships m WHERE a.account.id = :account"
                    + " AND a.enabled = TRUE AND m.group.id IN :groups",
                Agent.class)
            .setParameter("account", account.getId())
            .setParameter("groups", groupIds)
            .getResultList();
    return lines(account, agents);
  }

  /** One agent's live line. */
  public AgentLine agent(Account account, Agent agent) {
    return lines(account, List.of(agent)).get(0);
  }

  private List<AgentLine> lines(Account account, List<Agent> agents) {
    Map<Long, AgentPresence> presences = new HashMap<>();
    for (AgentPresence p :
        em.createQuery(
                "SELECT p FROM AgentPresence p LEFT JOIN FETCH p.call WHERE p.accountId = :account",
                AgentPresence.class)
            .setParameter("account", account.getId())
            .getResultList()) {
      presences.put(p.getAgentId(), p);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime startOfToday = accountTime.today(account).from();
    List<AgentLine> lines = new ArrayList<>(agents.size());
    for (Agent a : agents) {
      AgentPresence p = presences.get(a.getId());
      DeskQueries.Figures day = desk.figures(a, startOfToday, now);
      lines.add(
          new AgentLine(
              a.getLogin(),
              a.getName(),
              a.getMemberships().stream().map(m -> m.getGroup().getName()).sorted().toList(),
              a.getMemberships().stream()
                  .filter(Membership::isInbound)
                  .map(m -> m.getGroup().getName())
                  .sorted()
                  .toList(),
              p == null ? Availability.DISCONNECTED : p.getAvailability(),
              p == null ? null : p.getActivity(),
              p == null ? null : p.getStateSince(),
              p == null || p.getCall() == null ? null : current(p.getCall()),
              new AgentDay(day.answered(), day.missed(), day.averageHandling())));
    }
    lines.sort(Comparator.comparing(AgentLine::login));
    return lines;
  }

  /**
   * Whether the viewer supervises the agent: an admin (null viewer) every agent of its account, a
   * supervisor those sharing one of its groups.
   */
  public boolean supervises(Agent viewer, Agent agent) {
    if (viewer == null) {
      return true;
    }
    Set<Long> own =
        viewer.getMemberships().stream().map(m -> m.getGroup().getId()).collect(Collectors.toSet());
    return agent.getMemberships().stream()
        .map(Membership::getGroup)
        .anyMatch(g -> own.contains(g.getId()));
  }

  private List<QueueGroup> visibleGroups(Account account, Agent viewer) {
    if (viewer == null) {
      return em.createQuery(
              "SELECT g FROM QueueGroup g WHERE g.account.id = :account ORDER BY g.name",
              QueueGroup.class)
          .setParameter("account", account.getId())
          .getResultList();
    }
    return viewer.getMemberships().stream()
        .map(Membership::getGroup)
        .sorted(Comparator.comparing(QueueGroup::getName))
        .toList();
  }

  private static CurrentCall current(Call call) {
    OffsetDateTime since =
        call.getAnsweredAt() != null
            ? call.getAnsweredAt()
            : call.getOfferedAt() != null ? call.getOfferedAt() : call.getArrivedAt();
    return new CurrentCall(
        call.getId().toString(), call.customerNumber(), call.getGroupName(), since);
  }

  /** Per group id: {group id, calls waiting, the earliest arrival among them}. */
  private Map<Long, Object[]> queues(Account account) {
    Map<Long, Object[]> queues = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT c.group.id, COUNT(c), MIN(c.arrivedAt) FROM Call c"
                    + " WHERE c.account.id = :account AND c.status = :queued GROUP BY c.group.id",
                Object[].class)
            .setParameter("account", account.getId())
            .setParameter("queued", CallStatus.QUEUED)
            .getResultList()) {
      queues.put((Long) row[0], row);
    }
    return queues;
  }

  /** Per group id, its connected agents who take its inbound calls, by state. */
  private Map<Long, AgentCounts> agentCounts(Account account) {
    Map<Long, AgentCounts> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT m.group.id, p.availability, p.activity FROM Membership m, AgentPresence p"
                    + " WHERE p.agentId = m.agent.id AND p.accountId = :account"
                    + " AND m.inbound = TRUE",
                Object[].class)
            .setParameter("account", account.getId())
            .getResultList()) {
      counts.merge(
          (Long) row[0],
          AgentCounts.NONE.with((Availability) row[1], (Activity) row[2]),
          SupervisionQueries::sum);
    }
    return counts;
  }

  private static AgentCounts sum(AgentCounts a, AgentCounts b) {
    return new AgentCounts(
        a.available() + b.available(),
        a.busy() + b.busy(),
        a.wrapUp() + b.wrapUp(),
        a.unavailable() + b.unavailable(),
        a.connected() + b.connected());
  }

  /**
   * Today's inbound calls by the group name they recorded (as the call reports filter them), each
   * with the after-call work its agent spent on it.
   */
  private Map<String, List<CallTrace>> todaysCalls(
      Account account, TimeRange today, OffsetDateTime now) {
    AfterCallWork work = afterCallWork(account, today, now);
    Map<String, List<CallTrace>> calls = new HashMap<>();
    for (Object[] c :
        em.createQuery(
                "SELECT c.id, c.groupName, c.arrivedAt, c.answeredAt, c.endedAt, c.outcome"
                    + " FROM Call c WHERE c.account.id = :account AND c.direction = :inbound"
                    + " AND c.arrivedAt >= :from AND c.arrivedAt < :to",
                Object[].class)
            .setParameter("account", account.getId())
            .setParameter("inbound", CallDirection.INBOUND)
            .setParameter("from", today.from())
            .setParameter("to", today.to())
            .getResultList()) {
      calls
          .computeIfAbsent((String) c[1], g -> new ArrayList<>())
          .add(
              new CallTrace(
                  (OffsetDateTime) c[2],
                  (OffsetDateTime) c[3],
                  (OffsetDateTime) c[4],
                  (CallOutcome) c[5],
                  work.of((Long) c[0])));
    }
    return calls;
  }

  private AfterCallWork afterCallWork(Account account, TimeRange today, OffsetDateTime now) {
    Map<Long, List<AfterCallWork.Step>> trails = new HashMap<>();
    for (Object[] s :
        em.createQuery(
                "SELECT s.agentId, s.changedAt, s.activity, s.callId FROM AgentStateChange s"
                    + " WHERE s.accountId = :account AND s.changedAt >= :from"
                    + " ORDER BY s.changedAt, s.id",
                Object[].class)
            .setParameter("account", account.getId())
            .setParameter("from", today.from())
            .getResultList()) {
      trails
          .computeIfAbsent((Long) s[0], a -> new ArrayList<>())
          .add(new AfterCallWork.Step((OffsetDateTime) s[1], (Activity) s[2], (Long) s[3]));
    }
    AfterCallWork work = new AfterCallWork();
    trails.values().forEach(trail -> work.add(trail, now));
    return work;
  }
}
