package org.relais.presence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.relais.account.Account;
import org.relais.call.TimeRange;

/**
 * Reads the audit trail of agent states for reports (SPEC C5, E6), scoped to one account: who was
 * in which state, from when, and for how long. A filter naming another account's group or agent
 * matches nothing.
 */
@ApplicationScoped
public class StateHistory {

  /** Rows read at once when a whole trail is written out (CSV). */
  private static final int CHUNK = 500;

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  /**
   * One state of one agent. {@code seconds} is how long it lasted, until the agent's next change;
   * null for the state the agent is still in.
   */
  public record StateLine(
      String id,
      OffsetDateTime time,
      String agent,
      String agentName,
      Availability availability,
      Activity activity,
      String callId,
      Long seconds) {}

  /** Which states a report reads; every criterion but the range is optional (null). */
  public record StateFilter(TimeRange range, String group, String agent, Activity activity) {}

  public long count(Account account, StateFilter filter) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String from = from(account, filter, parameters);
    TypedQuery<Long> query = em.createQuery("SELECT COUNT(s)" + from, Long.class);
    parameters.forEach(query::setParameter);
    return query.getSingleResult();
  }

  /** One page of the matching states, newest first. */
  public List<StateLine> lines(Account account, StateFilter filter, int first, int max) {
    return read(account, filter, first, max, true);
  }

  /** Every matching state, oldest first, a chunk at a time. */
  public void each(Account account, StateFilter filter, Consumer<StateLine> sink) {
    for (int first = 0; ; first += CHUNK) {
      List<StateLine> chunk = read(account, filter, first, CHUNK, false);
      chunk.forEach(sink);
      if (chunk.size() < CHUNK) {
        return;
      }
    }
  }

  private List<StateLine> read(
      Account account, StateFilter filter, int first, int max, boolean newestFirst) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String order = newestFirst ? " DESC" : " ASC";
    TypedQuery<Object[]> query =
        em.createQuery(
            "SELECT s.id, s.agentId, s.changedAt, s.availability, s.activity, s.callId, a.login,"
                + " a.name"
                + from(account, filter, parameters)
                + " ORDER BY s.changedAt"
                + order
                + ", s.id"
                + order,
            Object[].class);
    parameters.forEach(query::setParameter);
    List<Object[]> rows = query.setFirstResult(first).setMaxResults(max).getResultList();
    Map<Long, Change> next = nextChanges(rows);
    List<StateLine> lines = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      OffsetDateTime at = (OffsetDateTime) row[2];
      Change after = next.get((Long) row[0]);
      lines.add(
          new StateLine(
              row[0].toString(),
              at,
              (String) row[6],
              (String) row[7],
              (Availability) row[3],
              (Activity) row[4],
              row[5] == null ? null : row[5].toString(),
              after == null ? null : Duration.between(at, after.at()).toSeconds()));
    }
    return lines;
  }

  /** A change of the trail, ordered as the engine wrote them. */
  private record Change(long id, long agentId, OffsetDateTime at) {
    static final Comparator<Change> ORDER =
        Comparator.comparing(Change::at).thenComparingLong(Change::id);
  }

  /**
   * For each row, the agent's change that ended it: read for the page's agents only, over the
   * page's span plus the first change after it, whatever the filter left out in between.
   */
  private Map<Long, Change> nextChanges(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return Map.of();
    }
    Set<Long> agents = rows.stream().map(r -> (Long) r[1]).collect(Collectors.toSet());
    OffsetDateTime min =
        rows.stream().map(r -> (OffsetDateTime) r[2]).min(Comparator.naturalOrder()).get();
    OffsetDateTime max =
        rows.stream().map(r -> (OffsetDateTime) r[2]).max(Comparator.naturalOrder()).get();
    Map<Long, List<Change>> trails = new HashMap<>();
    for (Object[] c :
        em.createQuery(
                "SELECT s.id, s.agentId, s.changedAt FROM AgentStateChange s"
                    + " WHERE s.agentId IN :agents AND s.changedAt >= :min AND s.changedAt <= :max",
                Object[].class)
            .setParameter("agents", agents)
            .setParameter("min", min)
            .setParameter("max", max)
            .getResultList()) {
      add(trails, c);
    }
    for (Long agent : agents) {
      em.createQuery(
              "SELECT s.id, s.agentId, s.changedAt FROM AgentStateChange s"
                  + " WHERE s.agentId = :agent AND s.changedAt > :max ORDER BY s.changedAt, s.id",
              Object[].class)
          .setParameter("agent", agent)
          .setParameter("max", max)
          .setMaxResults(1)
          .getResultStream()
          .forEach(c -> add(trails, c));
    }
    Map<Long, Change> next = new HashMap<>();
    for (List<Change> trail : trails.values()) {
      trail.sort(Change.ORDER);
      for (int i = 0; i + 1 < trail.size(); i++) {
        next.put(trail.get(i).id(), trail.get(i + 1));
      }
    }
    return next;
  }

  private static void add(Map<Long, List<Change>> trails, Object[] c) {
    Change change = new Change((Long) c[0], (Long) c[1], (OffsetDateTime) c[2]);
    trails.computeIfAbsent(change.agentId(), a -> new ArrayList<>()).add(change);
  }

  private static String from(Account account, StateFilter filter, Map<String, Object> parameters) {
    StringBuilder from =
        new StringBuilder(
            " FROM AgentStateChange s, Agent a WHERE a.id = s.agentId AND s.accountId = :account");
    parameters.put("account", account.getId());
    if (filter.range() != null) {
      from.append(" AND s.changedAt >= :from AND s.changedAt < :to");
      parameters.put("from", filter.range().from());
      parameters.put("to", filter.range().to());
    }
    if (filter.agent() != null) {
      from.append(" AND a.login = :agent");
      parameters.put("agent", filter.agent());
    }
    if (filter.group() != null) {
      from.append(
          " AND s.agentId IN (SELECT m.agent.id FROM Membership m"
              + " WHERE m.group.name = :group AND m.group.account.id = :account)");
      parameters.put("group", filter.group());
    }
    if (filter.activity() != null) {
      from.append(" AND s.activity = :activity");
      parameters.put("activity", filter.activity());
    }
    return from.toString();
  }
}
