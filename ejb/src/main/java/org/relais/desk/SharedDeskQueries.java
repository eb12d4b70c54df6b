package org.relais.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.relais.account.AccountTime;
import org.relais.agent.Agent;
import org.relais.agent.BannerModule;
import org.relais.call.CallStatus;
import org.relais.desk.DeskQueries.Statistics;
import org.relais.presence.Activity;
import org.relais.presence.Availability;

/**
 * What every open banner of an account shares, read once for all of them: the groups' waiting and
 * callback counts and the agents' states (SPEC B2, B7). The push reads them a few times a second at
 * most, whatever the number of banners, so each read is one query per kind of row, never one per
 * banner or per group.
 *
 * <p>Each read runs in a transaction of its own: the push reads on a thread of its own, outside any
 * request, where an entity manager used without a transaction is closed under it.
 */
@ApplicationScoped
@Transactional
public class SharedDeskQueries {

  /** Beyond this many agents, reading the whole account costs less than listing their ids. */
  private static final int MOST_IDS = 500;

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject DeskQueries desk;
  @Inject AccountTime accountTime;

  /** A group's counts in the groups module. */
  public record QueueCounts(long waiting, long callbacks) {}

  /** An agent's state, and the groups whose team shows it. */
  public record AgentLine(
      long agentId,
      String login,
      Availability availability,
      Activity activity,
      OffsetDateTime since,
      Set<String> groups) {}

  /** Every group of the account, by name, with its waiting calls and callbacks. */
  public Map<String, QueueCounts> queues(long accountId) {
    Map<String, Long> waiting =
        counts(
            em.createQuery(
                    "SELECT c.group.name, COUNT(c) FROM Call c WHERE c.accountId = :account"
                        + " AND c.status = :queued GROUP BY c.group.name",
                    Object[].class)
                .setParameter("account", accountId)
                .setParameter("queued", CallStatus.QUEUED));
    Map<String, Long> callbacks =
        counts(
            em.createQuery(
                    "SELECT c.campaign.group.name, COUNT(c) FROM CampaignContact c"
                        + " WHERE c.account.id = :account AND c.campaign.callbacks = TRUE"
                        + " AND c.status IN :waiting GROUP BY c.campaign.group.name",
                    Object[].class)
                .setParameter("account", accountId)
                .setParameter("waiting", DeskQueries.CALLBACK_WAITING));
    Map<String, QueueCounts> queues = new LinkedHashMap<>();
    for (String group :
        em.createQuery(
                "SELECT g.name FROM QueueGroup g WHERE g.account.id = :account ORDER BY g.name",
                String.class)
            .setParameter("account", accountId)
            .getResultList()) {
      queues.put(
          group,
          new QueueCounts(waiting.getOrDefault(group, 0L), callbacks.getOrDefault(group, 0L)));
    }
    return queues;
  }

  /** The enabled agents of the account who belong to a group, each with its groups. */
  public List<AgentLine> agents(long accountId) {
    return agents(accountId, null);
  }

  /** The named agents of the account (others' ids match nothing), each with its groups. */
  public List<AgentLine> agents(long accountId, Collection<Long> agentIds) {
    boolean all = agentIds == null || agentIds.size() > MOST_IDS;
    if (agentIds != null && agentIds.isEmpty()) {
      return List.of();
    }
    Map<Long, Object[]> presences = new HashMap<>();
    for (Object[] p :
        ids(
                em.createQuery(
                    "SELECT p.agentId, p.availability, p.activity, p.stateSince FROM AgentPresence p"
                        + " WHERE p.accountId = :account"
                        + (all ? "" : " AND p.agentId IN :ids"),
                    Object[].class),
                accountId,
                all ? null : agentIds)
            .getResultList()) {
      presences.put((Long) p[0], p);
    }
    Map<Long, String> logins = new LinkedHashMap<>();
    Map<Long, Set<String>> groups = new HashMap<>();
    for (Object[] m :
        ids(
                em.createQuery(
                    "SELECT a.id, a.login, g.name FROM Membership m JOIN m.agent a JOIN m.group g"
                        + " WHERE a.account.id = :account AND a.enabled = TRUE"
                        + (all ? "" : " AND a.id IN :ids")
                        + " ORDER BY a.login",
                    Object[].class),
                accountId,
                all ? null : agentIds)
            .getResultList()) {
      logins.put((Long) m[0], (String) m[1]);
      groups.computeIfAbsent((Long) m[0], id -> new TreeSet<>()).add((String) m[2]);
    }
    List<AgentLine> lines = new ArrayList<>(logins.size());
    logins.forEach(
        (id, login) -> {
          Object[] p = presences.get(id);
          lines.add(
              new AgentLine(
                  id,
                  login,
                  p == null ? Availability.DISCONNECTED : (Availability) p[1],
                  p == null ? null : (Activity) p[2],
                  p == null ? null : (OffsetDateTime) p[3],
                  groups.get(id)));
        });
    return lines;
  }

  /**
   * The agent's statistics module (SPEC B14), live, if it belongs to the account and its profile
   * shows the module.
   */
  public Optional<Statistics> statistics(long accountId, long agentId) {
    Agent agent = em.find(Agent.class, agentId);
    if (agent == null
        || agent.getAccount().getId() != accountId
        || !agent.hasModule(BannerModule.STATISTICS)) {
      return Optional.empty();
    }
    return Optional.of(desk.statistics(agent, accountTime.today(accountId).from()));
  }

  private static TypedQuery<Object[]> ids(
      TypedQuery<Object[]> query, long accountId, Collection<Long> agentIds) {
    query.setParameter("account", accountId);
    return agentIds == null ? query : query.setParameter("ids", agentIds);
  }

  private static Map<String, Long> counts(TypedQuery<Object[]> query) {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : query.getResultList()) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }
}
