package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.relais.agent.BannerModule;
import org.relais.call.Call;
import org.relais.call.CallOutcome;
import org.relais.call.CallStatus;
import org.relais.dialer.Campaign;
import org.relais.dialer.CampaignContact;
import org.relais.dialer.Campaigns;
import org.relais.dialer.DialLevel;
import org.relais.dialer.DialMode;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.AgentEvent;
import org.relais.presence.AgentPresence;
import org.relais.presence.Availability;
import org.relais.telephony.Switch;

/**
 * The predictive dialler (SPEC B11, beyond the manual, as VICIdial and Amazon Connect offer it):
 * each running predictive campaign calls more numbers than it has free agents, at its dial level,
 * before any agent is chosen. The customer who answers is put through to the group's outbound agent
 * free the longest; with none free, the call is dropped: the customer hears a message, and the
 * campaign's abandon rate counts it. Every few seconds the level is adapted so that this rate,
 * counted over 30 days, stays under the campaign's limit ({@link DialLevel}).
 *
 * <p>It calls only what the other modes may call ({@link Dialer#refusal}: do-not-call list,
 * reservations, attempts per 30 days, calling hours), and the agents it counts and connects are
 * those the automatic mode dials for: connected, available and idle outbound members of the group
 * whose profile has the outbound module.
 */
final class Predictive {

  /**
   * The most calls one round places for a campaign: a round runs under the engine's lock, and the
   * next comes two seconds later.
   */
  static final int MAX_CALLS_PER_ROUND = 50;

  private final EntityManager em;
  private final Dialer dialer;
  private final AgentMoves moves;
  private final Recordings recordings;
  private final Deadlines deadlines;
  private final EngineTransaction transaction;
  private final Switch phoneSwitch;
  private final EngineClock clock;
  private final int ringTimeout;

  /**
   * @param ringTimeout seconds the customer's phone may ring before the call counts as not
   *     answered, should the switch never report
   */
  Predictive(
      EntityManager em,
      Dialer dialer,
      AgentMoves moves,
      Recordings recordings,
      Deadlines deadlines,
      EngineTransaction transaction,
      Switch phoneSwitch,
      EngineClock clock,
      int ringTimeout) {
    this.em = em;
    this.dialer = dialer;
    this.moves = moves;
    this.recordings = recordings;
    this.deadlines = deadlines;
    this.transaction = transaction;
    this.phoneSwitch = phoneSwitch;
    this.clock = clock;
    this.ringTimeout = ringTimeout;
  }

  /**
   * One round: each group's running predictive campaigns place, for its free agents at their
   * levels, the calls that those already ringing for them do not make up.
   */
  void dial() {
    if (!phoneSwitch.placesOutboundCalls()) {
      return; // the contacts wait for a switch that places calls
    }
    for (List<Campaign> campaigns : runningByGroup()) {
      int agents = freeAgents(campaigns.get(0).getGroup()).size();
      int[] ringing = campaigns.stream().mapToInt(this::ringing).toArray();
      double[] levels = campaigns.stream().mapToDouble(Campaign::getDialLevel).toArray();
      List<List<CampaignContact>> callable = new ArrayList<>();
      for (int i = 0; i < campaigns.size(); i++) {
        int most = DialLevel.callsToPlace(agents, ringing[i], levels[i]);
        callable.add(callable(campaigns.get(i), Math.min(MAX_CALLS_PER_ROUND, most)));
      }
      int[] calls =
          DialLevel.callsToPlace(
              agents, ringing, levels, callable.stream().mapToInt(List::size).toArray());
      for (int i = 0; i < campaigns.size(); i++) {
        for (CampaignContact contact : callable.get(i).subList(0, calls[i])) {
          place(campaigns.get(i), contact);
        }
      }
    }
  }

  /**
   * Each running predictive campaign's level moves a step towards what keeps its abandon rate under
   * its limit while its group's agents wait for calls. An agent free now waits, whatever calls ring
   * for it: most customers do not answer, so that counting those calls as on their way to it held
   * the level near 1 with a third of the floor idle.
   */
  void adapt() {
    OffsetDateTime now = clock.now();
    for (List<Campaign> campaigns : runningByGroup()) {
      int waiting = freeAgents(campaigns.get(0).getGroup()).size();
      for (Campaign campaign : campaigns) {
        double level =
            DialLevel.adjust(
                campaign.getDialLevel(),
                Campaigns.abandonRate(em, campaign.getId(), now),
                campaign.getMaxAbandonRate(),
                waiting);
        if (level != campaign.getDialLevel()) {
          campaign.adjustDialLevel(level);
        }
      }
    }
  }

  /**
   * The customer answered: the group's outbound agent free the longest talks with it now; with none
   * free, the call is dropped.
   */
  void answered(Call call, BiConsumer<Call, CallOutcome> end) {
    deadlines.disarmWaitLimit(call.getId());
    List<AgentPresence> free = freeAgents(call.getGroup());
    if (free.isEmpty()) {
      drop(call, end);
      return;
    }
    AgentPresence presence = free.get(0);
    OffsetDateTime now = clock.now();
    call.connect(presence.getAgent(), now);
    moves.transition(presence, AgentEvent.CONNECT, Activity.TALKING, call, call.getGroup(), null);
    transaction.announce(
        new AcdEvent.CallAnswered(
            call.getAccountId(), now, call.getId(), presence.getAgent().getLogin()));
    recordings.answered(call);
    String account = call.getAccount().getName();
    String extension = presence.getAgent().getExtension();
    transaction.afterCommit(() -> phoneSwitch.bridge(account, call.getId(), extension));
  }

  /** The customer could not be reached (busy, no answer, voicemail, failure): the attempt ends. */
  void failed(Call call, CallOutcome outcome, BiConsumer<Call, CallOutcome> end) {
    end.accept(call, outcome);
    String account = call.getAccount().getName();
    transaction.afterCommit(() -> phoneSwitch.hangUp(account, call.getId()));
  }

  /**
   * The call's ring timeout {@code at} passed with no word from the switch: not answered. A limit
   * the call no longer holds is stale and does nothing.
   */
  void ringTimedOut(Call call, OffsetDateTime at, BiConsumer<Call, CallOutcome> end) {
    if (call.getWaitLimit() != null && call.getWaitLimit().isEqual(at)) {
      deadlines.disarmWaitLimit(call.getId());
      failed(call, CallOutcome.NO_ANSWER, end);
    }
  }

  private void drop(Call call, BiConsumer<Call, CallOutcome> end) {
    transaction.announce(
        new AcdEvent.CallDropped(
            call.getAccountId(), clock.now(), call.getId(), campaignOf(call), call.getCallee()));
    end.accept(call, CallOutcome.DROPPED);
    String account = call.getAccount().getName();
    transaction.afterCommit(() -> phoneSwitch.drop(account, call.getId()));
  }

  private void place(Campaign campaign, CampaignContact contact) {
    QueueGroup group = campaign.getGroup();
    OffsetDateTime now = clock.now();
    String presented = Outbound.callerId(campaign, null);
    Call call = Call.predictive(campaign.getAccount(), group, presented, contact.getNumber(), now);
    em.persist(call);
    em.flush();
    contact.dialled(call);
    OffsetDateTime limit = now.plusSeconds(ringTimeout);
    call.limitWait(limit);
    deadlines.armWaitLimit(call.getId(), limit);
    transaction.announce(
        new AcdEvent.CallDialing(
            call.getAccountId(), now, call.getId(), group.getName(), null, call.getCallee()));
    String account = call.getAccount().getName();
    String number = call.getCallee();
    transaction.afterCommit(() -> phoneSwitch.dial(account, call.getId(), number, presented));
  }

  /**
   * The running predictive campaigns, by group: a group's campaigns share its free agents (two
   * campaigns each counting them all would call twice too many).
   */
  private Collection<List<Campaign>> runningByGroup() {
    return em.createQuery(
            "SELECT k FROM Campaign k WHERE k.active = TRUE AND k.mode = :mode ORDER BY k.id",
            Campaign.class)
        .setParameter("mode", DialMode.PREDICTIVE)
        .getResultStream()
        .collect(
            Collectors.groupingBy(k -> k.getGroup().getId(), TreeMap::new, Collectors.toList()))
        .values();
  }

  /**
   * The group's outbound agents free for a call, the longest free first: connected, available and
   * idle (inbound calls, offered as soon as an agent frees up, come first), with the module and a
   * registered phone.
   */
  private List<AgentPresence> freeAgents(QueueGroup group) {
    return em
        .createQuery(
            "SELECT p FROM AgentPresence p, Membership m WHERE m.agent = p.agent"
                + " AND m.outbound = TRUE AND m.group = :group AND p.activity = :idle"
                + " AND p.availability = :available AND p.phoneRegistered = TRUE"
                + " ORDER BY p.idleSince, p.agentId",
            AgentPresence.class)
        .setParameter("group", group)
        .setParameter("idle", Activity.IDLE)
        .setParameter("available", Availability.AVAILABLE)
        .getResultList()
        .stream()
        .filter(p -> p.getAgent().hasModule(BannerModule.DIALER))
        .toList();
  }

  /** The campaign's calls whose customer's phone rings, no agent chosen yet. */
  private int ringing(Campaign campaign) {
    return em.createQuery(
            "SELECT COUNT(c) FROM CampaignContact c WHERE c.campaign = :campaign"
                + " AND c.call.status = :dialing AND c.call.agent IS NULL",
            Long.class)
        .setParameter("campaign", campaign)
        .setParameter("dialing", CallStatus.DIALING)
        .getSingleResult()
        .intValue();
  }

  /**
   * Up to {@code max} of the campaign's contacts due now that the rules let it call, in the order
   * they fall due (then were loaded); reserved contacts are left to their agent.
   */
  private List<CampaignContact> callable(Campaign campaign, int max) {
    List<CampaignContact> callable = new ArrayList<>();
    if (max <= 0) {
      return callable;
    }
    List<CampaignContact> due =
        em.createQuery(
                "SELECT c FROM CampaignContact c WHERE c.campaign = :campaign"
                    + " AND c.status IN :dialable AND c.reservedBy IS NULL"
                    + " AND (c.nextAttempt IS NULL OR c.nextAttempt <= :now)"
                    + " ORDER BY COALESCE(c.nextAttempt, c.createdAt), c.id",
                CampaignContact.class)
            .setParameter("campaign", campaign)
            .setParameter("dialable", Dialer.DIALABLE)
            .setParameter("now", clock.now())
            .setMaxResults(max + Dialer.LOOK_AHEAD)
            .getResultList();
    for (int i = 0; i < due.size() && callable.size() < max; i++) {
      if (dialer.refusal(due.get(i), null) == null) {
        callable.add(due.get(i));
      }
    }
    return callable;
  }

  /** The name of the campaign that placed the call; null once an admin deleted it. */
  private String campaignOf(Call call) {
    return em.createQuery(
            "SELECT c.campaign.name FROM CampaignContact c WHERE c.call = :call", String.class)
        .setParameter("call", call)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }
}
