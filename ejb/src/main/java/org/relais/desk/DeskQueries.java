package org.relais.desk;

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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.relais.agent.Agent;
import org.relais.agent.BannerModule;
import org.relais.agent.Membership;
import org.relais.call.AgentLines;
import org.relais.call.Call;
import org.relais.call.CallDirection;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.call.RecordingPolicy;
import org.relais.dialer.ContactStatus;
import org.relais.presence.Activity;
import org.relais.presence.AgentPresence;
import org.relais.presence.AgentStateChange;
import org.relais.presence.Availability;
import org.relais.telephony.RegisteredPhones;

/**
 * What the banner and the desk API show, read from the committed rows: they never take the engine's
 * lock, so screens never slow routing down.
 */
@ApplicationScoped
public class DeskQueries {

  /** The statuses of a callback list's contacts still to call back (the Rappels column). */
  static final List<ContactStatus> CALLBACK_WAITING =
      List.of(
          ContactStatus.ABANDONED,
          ContactStatus.RECYCLED,
          ContactStatus.RESERVED,
          ContactStatus.IN_CALL);

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject Clock clock;
  @Inject RegisteredPhones phones;

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

  /**
   * Figures of the statistics module (SPEC B14) over one period. Offered, answered, missed, talk
   * and handling count inbound calls only; the outbound figures count the calls the agent placed.
   */
  public record Figures(
      long offered,
      long answered,
      long missed,
      long totalTalk,
      long averageTalk,
      long totalHandling,
      long averageHandling,
      long outbound,
      long totalOutboundTalk,
      long averageOutboundTalk) {

    /** The figures of a period without any call. */
    public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /**
   * The statistics module (SPEC B14): the figures of the session (none while disconnected) and of
   * today.
   */
  public record Statistics(Figures session, Figures today) {}

  /** The agent's desk as committed now. */
  public Desk desk(Agent agent) {
    Optional<AgentPresence> presence = presence(agent);
    return new Desk(
        agent.getLogin(),
        presence.map(AgentPresence::getAvailability).orElse(Availability.DISCONNECTED),
        presence.map(AgentPresence::getActivity).orElse(null),
        presence.map(AgentPresence::getStateSince).orElse(null),
        presence.map(AgentPresence::getDeadline).orElse(null),
        presence.map(p -> DeskCall.of(p.getCall())).orElse(null),
        presence
            .map(AgentPresence::getGroup)
            .map(g -> g.settings().qualifications())
            .orElse(List.of()),
        groups(agent),
        new Desk.Phone(
            presence
                .map(AgentPresence::isPhoneRegistered)
                .orElseGet(() -> phones.isRegistered(agent))));
  }

  /** The agent's lines (SPEC B12): its call while it talks, and its consult call. */
  public List<DeskLine> lines(Agent agent) {
    AgentPresence presence = em.find(AgentPresence.class, agent.getId());
    return presence == null
        ? List.of()
        : AgentLines.of(em, presence.getCall()).all().stream().map(DeskLine::of).toList();
  }

  /**
   * The recording of the call the agent talks on (SPEC B13): whether its group records it and
   * whether a recording runs; null while no call talks.
   */
  public RecordingState recording(Agent agent) {
    AgentPresence presence = em.find(AgentPresence.class, agent.getId());
    Call call = presence == null ? null : presence.getCall();
    if (call == null || call.getStatus() != CallStatus.TALKING) {
      return null;
    }
    RecordingPolicy policy =
        call.getGroup() == null ? RecordingPolicy.NEVER : call.getGroup().recording();
    boolean running =
        em.createQuery(
                    "SELECT COUNT(r) FROM Recording r WHERE r.call = :call AND r.stoppedAt IS NULL",
                    Long.class)
                .setParameter("call", call)
                .getSingleResult()
            > 0;
    return new RecordingState(policy, running);
  }

  /** Whether the group records the call, and whether a recording runs now. */
  public record RecordingState(RecordingPolicy policy, boolean running) {}

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
                  "SELECT COUNT(c) FROM CampaignContact c WHERE c.campaign.group = :group"
                      + " AND c.campaign.callbacks = TRUE AND c.status IN :waiting",
                  Long.class)
              .setParameter("group", m.getGroup())
              .setParameter("waiting", CALLBACK_WAITING)
              .getSingleResult();
      lines.add(
          new GroupLine(m.getGroup().getName(), m.isInbound(), m.isOutbound(), waiting, callbacks));
    }
    lines.sort(Comparator.comparing(GroupLine::name));
    return lines;
  }

  /**
   * The team module (SPEC B7): agents sharing at least one group with the agent, per group, the
   * agent included.
   */
  public List<TeamGroup> team(Agent agent) {
    agent.requireModule(BannerModule.TEAM);
    Set<Long> groupIds =
        agent.getMemberships().stream().map(m -> m.getGroup().getId()).collect(Collectors.toSet());
    if (groupIds.isEmpty()) {
      return List.of();
    }
    // Columns, not entities: a banner reads its team at every push, and building a managed agent
    // (every column of it) and presence per member was most of what the read cost.
    Map<Long, Object[]> presences = new HashMap<>();
    for (Object[] p :
        em.createQuery(
                "SELECT p.agentId, p.availability, p.activity, p.stateSince FROM AgentPresence p"
                    + " WHERE p.accountId = :account",
                Object[].class)
            .setParameter("account", agent.getAccount().getId())
            .getResultList()) {
      presences.put((Long) p[0], p);
    }
    Map<String, List<TeamMember>> byGroup = new HashMap<>();
    for (Object[] m :
        em.createQuery(
                "SELECT g.name, a.id, a.login, a.name FROM Membership m JOIN m.group g"
                    + " JOIN m.agent a WHERE g.id IN :groups AND a.enabled = TRUE",
                Object[].class)
            .setParameter("groups", groupIds)
            .getResultList()) {
      Object[] p = presences.get((Long) m[1]);
      TeamMember member =
          new TeamMember(
              (String) m[2],
              (String) m[3],
              p == null ? Availability.DISCONNECTED : (Availability) p[1],
              p == null ? null : (Activity) p[2],
              p == null ? null : (OffsetDateTime) p[3]);
      byGroup.computeIfAbsent((String) m[0], g -> new ArrayList<>()).add(member);
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
   * The statistics module (SPEC B14), live: a call in progress counts up to now. {@code
   * startOfToday} is the last midnight of the calendar the agent's "today" is read in.
   */
  public Statistics statistics(Agent agent, OffsetDateTime startOfToday) {
    agent.requireModule(BannerModule.STATISTICS);
    OffsetDateTime now = OffsetDateTime.now(clock);
    Figures session =
        presence(agent).map(p -> figures(agent, p.getSessionStarted(), now)).orElse(Figures.NONE);
    return new Statistics(session, figures(agent, startOfToday, now));
  }

  /**
   * The agent's figures since a moment (SPEC B14), read from the audit trail of states and the call
   * rows:
   *
   * <ul>
   *   <li>offered: the rings of inbound calls; missed: those rings the agent let go (timeout or
   *       refusal), whether a penalty pause followed or not, but not those the caller ended by
   *       hanging up while it rang;
   *   <li>answered: the inbound calls the agent picked up; talk: their conversation time; handling:
   *       talk plus the qualification and wrap-up that followed them (the wrap-up after a missed
   *       ring is no handling);
   *   <li>outbound: the calls the agent placed; outbound talk: their conversation time, averaged
   *       over those the customer answered.
   * </ul>
   *
   * A call or an after-call pause still in progress counts up to {@code now}: the figures are live,
   * and the answered call the agent is talking in already counts as answered. Supervision reads
   * them too, whatever the agent's profile.
   */
  public Figures figures(Agent agent, OffsetDateTime since, OffsetDateTime now) {
    List<Call> calls =
        em.createQuery(
                "SELECT c FROM Call c WHERE c.agent.id = :agent"
                    + " AND (c.arrivedAt >= :since OR c.answeredAt >= :since)",
                Call.class)
            .setParameter("agent", agent.getId())
            .setParameter("since", since)
            .getResultList();
    Map<Long, Call> callsById = new HashMap<>();
    calls.forEach(c -> callsById.put(c.getId(), c));
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
    boolean afterInboundTalk = false;
    for (int i = 0; i < changes.size(); i++) {
      AgentStateChange change = changes.get(i);
      Activity activity = change.getActivity();
      Activity previous = i == 0 ? null : changes.get(i - 1).getActivity();
      AgentStateChange next = i + 1 < changes.size() ? changes.get(i + 1) : null;
      if (activity != previous) {
        if (activity == Activity.TALKING) {
          afterInboundTalk = !isOutbound(callsById.get(change.getCallId()));
        } else if (activity != Activity.QUALIFYING && activity != Activity.WRAP_UP) {
          afterInboundTalk = false;
        } else if (previous == Activity.RINGING || previous == Activity.PENALTY) {
          afterInboundTalk = false; // the wrap-up that follows a missed ring
        }
        if (activity == Activity.RINGING && !isOutbound(callsById.get(change.getCallId()))) {
          offered++;
          if (next != null && ringLetGo(changes, i, callsById)) {
            missed++;
          }
        }
      }
      if (afterInboundTalk && (activity == Activity.QUALIFYING || activity == Activity.WRAP_UP)) {
        OffsetDateTime end = next != null ? next.getChangedAt() : now;
        afterCallSeconds += Duration.between(change.getChangedAt(), end).toSeconds();
      }
    }
    long answered = 0;
    long talk = 0;
    long outbound = 0;
    long outboundConnected = 0;
    long outboundTalk = 0;
    for (Call c : calls) {
      if (isOutbound(c)) {
        if (!c.getArrivedAt().isBefore(since)) {
          outbound++;
          if (c.getAnsweredAt() != null) {
            outboundConnected++;
            outboundTalk += c.talkSeconds(now);
          }
        }
      } else if (c.getAnsweredAt() != null && !c.getAnsweredAt().isBefore(since)) {
        answered++;
        talk += c.talkSeconds(now);
      }
    }
    long handling = talk + afterCallSeconds;
    return new Figures(
        offered,
        answered,
        missed,
        talk,
        average(talk, answered),
        handling,
        average(handling, answered),
        outbound,
        outboundTalk,
        average(outboundTalk, outboundConnected));
  }

  /**
   * Whether the ring that starts at {@code changes[i]} ended without the agent answering and
   * without the caller hanging up: the next activity is not TALKING, and the call was not abandoned
   * by then (an abandon while ringing sends the agent straight back to IDLE).
   */
  private static boolean ringLetGo(List<AgentStateChange> changes, int i, Map<Long, Call> calls) {
    int j = i + 1;
    while (j < changes.size() && changes.get(j).getActivity() == Activity.RINGING) {
      j++; // an availability change while ringing leaves the ring going
    }
    if (j == changes.size()) {
      return false; // still ringing
    }
    AgentStateChange end = changes.get(j);
    if (end.getActivity() == Activity.TALKING) {
      return false;
    }
    Call call = calls.get(changes.get(i).getCallId());
    boolean abandoned =
        call != null
            && call.getOutcome() == CallOutcome.ABANDONED
            && call.getEndedAt() != null
            && !call.getEndedAt().isAfter(end.getChangedAt());
    return !abandoned;
  }

  private static boolean isOutbound(Call call) {
    return call != null && call.getDirection() == CallDirection.OUTBOUND;
  }

  private static long average(long total, long count) {
    return count == 0 ? 0 : total / count;
  }
}
