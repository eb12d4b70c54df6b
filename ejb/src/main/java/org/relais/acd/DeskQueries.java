package org.relais.acd;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.relais.agent.Agent;
import org.relais.agent.Membership;
import org.relais.call.Call;
import org.relais.call.CallStatus;
import org.relais.call.Callback;
import org.relais.presence.Activity;
import org.relais.presence.AgentPresence;
import org.relais.presence.AgentStateChange;
import org.relais.presence.Availability;

/**
 * What the banner and the desk API show, read from the committed rows: they never take the engine's
 * lock, so screens never slow routing down.
 */
@ApplicationScoped
public class DeskQueries {

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  /** One of the agent's groups in the groups module (SPEC B2). */
  public record GroupLine(
      String name, boolean inbound, boolean outbound, long waiting, long callbacks) {}

  /** A teammate in the team module (SPEC B7). */
  public record TeamMember(
      String login,
      String name,
      Availability availability,
      Activity activity,
      OffsetDateTime since) {}

  /** The team of one group. */
  public record TeamGroup(String group, List<TeamMember> members) {}

  /** Figures of the statistics module (SPEC B14) over one period. */
  public record Figures(
      long offered,
      long answered,
      long missed,
      long totalTalk,
      long averageTalk,
      long totalHandling,
      long averageHandling) {}

  /** The agent's presence, empty while disconnected. */
  public Optional<AgentPresence> presence(Agent agent) {
    return Optional.ofNullable(em.find(AgentPresence.class, agent.getId()));
  }

  public List<GroupLine> groups(Agent agent) {
    List<GroupLine> lines = new ArrayList<>();
    for (Membership m : agent.getMemberships()) {
      long waiting =
          em.createQuery(
                  "SELECT COUNT(c) FROM Call c WHERE c.group = :group AND c.status = :queued",
                  Long.class)
              .setParameter("group", m.getGroup())
              .setParameter("queued", CallStatus.QUEUED)
              .getSingleResult();
      long callbacks =
          em.createQuery(
                  "SELECT COUNT(b) FROM Callback b WHERE b.group = :group AND b.status = :pending",
                  Long.class)
              .setParameter("group", m.getGroup())
              .setParameter("pending", Callback.Status.PENDING)
              .getSingleResult();
      lines.add(
          new GroupLine(m.getGroup().getName(), m.isInbound(), m.isOutbound(), waiting, callbacks));
    }
    lines.sort(Comparator.comparing(GroupLine::name));
    return lines;
  }

  /** Agents sharing at least one group with the agent, per group, the agent included. */
  public List<TeamGroup> team(Agent agent) {
    Set<Long> groupIds =
        agent.getMemberships().stream().map(m -> m.getGroup().getId()).collect(Collectors.toSet());
    if (groupIds.isEmpty()) {
      return List.of();
    }
    List<Membership> memberships =
        em.createQuery(
                "SELECT m FROM Membership m JOIN FETCH m.agent WHERE m.group.id IN :groups"
                    + " AND m.agent.enabled = TRUE",
                Membership.class)
            .setParameter("groups", groupIds)
            .getResultList();
    Map<Long, AgentPresence> presences = new HashMap<>();
    for (AgentPresence p :
        em.createQuery(
                "SELECT p FROM AgentPresence p WHERE p.accountId = :account", AgentPresence.class)
            .setParameter("account", agent.getAccount().getId())
            .getResultList()) {
      presences.put(p.getAgentId(), p);
    }
    Map<String, List<TeamMember>> byGroup = new HashMap<>();
    for (Membership m : memberships) {
      AgentPresence p = presences.get(m.getAgent().getId());
      TeamMember member =
          new TeamMember(
              m.getAgent().getLogin(),
              m.getAgent().getName(),
              p == null ? Availability.DISCONNECTED : p.getAvailability(),
              p == null ? null : p.getActivity(),
              p == null ? null : p.getStateSince());
      byGroup.computeIfAbsent(m.getGroup().getName(), g -> new ArrayList<>()).add(member);
    }
    return byGroup.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            e ->
                new TeamGroup(
                    e.getKey(),
                    e.getValue().stream().sorted(Comparator.comparing(TeamMember::login)).toList()))
        .toList();
  }

  /**
   * The agent's figures since a moment (SPEC B14): offers are the rings, missed the penalty pauses,
   * handling is talk plus qualification and wrap-up time.
   */
  public Figures figures(Agent agent, OffsetDateTime since, OffsetDateTime now) {
    List<AgentStateChange> changes =
        em.createQuery(
                "SELECT s FROM AgentStateChange s WHERE s.agentId = :agent AND s.changedAt >= :since"
                    + " ORDER BY s.changedAt, s.id",
                AgentStateChange.class)
            .setParameter("agent", agent.getId())
            .setParameter("since", since)
            .getResultList();
    long offered = 0;
    long missed = 0;
    long afterCallSeconds = 0;
    for (int i = 0; i < changes.size(); i++) {
      AgentStateChange change = changes.get(i);
      Activity activity = change.getActivity();
      boolean entered = i == 0 || changes.get(i - 1).getActivity() != activity;
      if (entered && activity == Activity.RINGING) {
        offered++;
      }
      if (entered && activity == Activity.PENALTY) {
        missed++;
      }
      if (activity == Activity.QUALIFYING || activity == Activity.WRAP_UP) {
        OffsetDateTime end = i + 1 < changes.size() ? changes.get(i + 1).getChangedAt() : now;
        afterCallSeconds += Duration.between(change.getChangedAt(), end).toSeconds();
      }
    }
    List<Call> answered =
        em.createQuery(
                "SELECT c FROM Call c WHERE c.agent.id = :agent AND c.answeredAt >= :since",
                Call.class)
            .setParameter("agent", agent.getId())
            .setParameter("since", since)
            .getResultList();
    long talk = answered.stream().mapToLong(Call::talkSeconds).sum();
    long handling = talk + afterCallSeconds;
    int n = answered.size();
    return new Figures(
        offered, n, missed, talk, n == 0 ? 0 : talk / n, handling, n == 0 ? 0 : handling / n);
  }
}
