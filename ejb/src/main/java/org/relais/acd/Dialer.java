package org.relais.acd;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relais.NoSuchEntityException;
import org.relais.account.Account;
import org.relais.agent.Agent;
import org.relais.agent.BannerModule;
import org.relais.agent.Membership;
import org.relais.call.Call;
import org.relais.call.CallDirection;
import org.relais.call.CallOutcome;
import org.relais.dialer.AttemptOutcome;
import org.relais.dialer.Campaign;
import org.relais.dialer.CampaignContact;
import org.relais.dialer.ContactStatus;
import org.relais.dialer.DialAttempt;
import org.relais.dialer.DialMode;
import org.relais.dialer.DialRefusal;
import org.relais.dialer.DialRefusedException;
import org.relais.dialer.DialRules;
import org.relais.dialer.Refusal;
import org.relais.directory.PhoneNumbers;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.AgentEvent;
import org.relais.presence.AgentPresence;
import org.relais.presence.Availability;

/**
 * The outbound engine, the agent's side (SPEC B11, the banner's Moteur d'appels sortants): the
 * contacts of the campaigns and callback lists of the groups where the agent is an outbound member,
 * the next one due (preview), reserve, reschedule, call; and what each attempt's ending makes of
 * its contact, per the campaign's recycling rules. No call leaves that a rule forbids: the
 * do-not-call list, another agent's reservation, the attempts per number in 30 days, the calling
 * hours in the account's zone and country ({@link DialRules}).
 */
final class Dialer {

  static final List<ContactStatus> DIALABLE =
      List.of(
          ContactStatus.PENDING,
          ContactStatus.RECYCLED,
          ContactStatus.RESERVED,
          ContactStatus.ABANDONED);

  /** How many due contacts a preview looks through for one that the rules let it call. */
  static final int LOOK_AHEAD = 50;

  private final EntityManager em;
  private final AgentMoves moves;
  private final Outbound outbound;
  private final EngineTransaction transaction;
  private final EngineClock clock;

  Dialer(
      EntityManager em,
      AgentMoves moves,
      Outbound outbound,
      EngineTransaction transaction,
      EngineClock clock) {
    this.em = em;
    this.moves = moves;
    this.outbound = outbound;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * The modes whose contacts an agent may take for itself: a predictive campaign's contacts are the
   * engine's alone to dial, paced against its abandon rate.
   */
  private static final List<DialMode> AGENTS_PICK =
      List.of(DialMode.MANUAL, DialMode.PREVIEW, DialMode.AUTOMATIC);

  /**
   * Preview: the agent's next contact due, reserved to it; null when none is due. A contact it has
   * reserved comes first, then the others in the order they fall due (then were loaded).
   */
  CampaignContact next(long agentId) {
    em.find(Agent.class, agentId).requireModule(BannerModule.DIALER);
    return next(agentId, AGENTS_PICK);
  }

  /** The agent's next contact due among campaigns in these modes, reserved to it; or null. */
  private CampaignContact next(long agentId, List<DialMode> modes) {
    Agent agent = em.find(Agent.class, agentId);
    List<QueueGroup> groups = outboundGroups(agent);
    if (groups.isEmpty()) {
      return null;
    }
    List<CampaignContact> due = new ArrayList<>(due(groups, modes, agent, "c.reservedBy = :agent"));
    due.addAll(due(groups, modes, agent, "c.reservedBy IS NULL"));
    for (CampaignContact contact : due) {
      if (refusal(contact, agent.getId()) == null) {
        contact.reserve(agent);
        return contact;
      }
    }
    return null;
  }

  /** The due contacts of the groups' running campaigns, reserved as {@code reserved} says. */
  private List<CampaignContact> due(
      List<QueueGroup> groups, List<DialMode> modes, Agent agent, String reserved) {
    TypedQuery<CampaignContact> query =
        em.createQuery(
                "SELECT c FROM CampaignContact c JOIN c.campaign k WHERE k.group IN :groups"
                    + " AND k.active = TRUE AND k.mode IN :modes AND c.status IN :dialable AND "
                    + reserved
                    + " AND (c.nextAttempt IS NULL OR c.nextAttempt <= :now)"
                    + " ORDER BY COALESCE(c.nextAttempt, c.createdAt), c.id",
                CampaignContact.class)
            .setParameter("groups", groups)
            .setParameter("modes", modes)
            .setParameter("dialable", DIALABLE)
            .setParameter("now", clock.now())
            .setMaxResults(LOOK_AHEAD);
    return reserved.contains(":agent")
        ? query.setParameter("agent", agent).getResultList()
        : query.getResultList();
  }

  /**
   * Automatic mode: every agent free for a call (connected, available, idle: inbound calls, which
   * the dispatcher offers as soon as an agent frees up, come first) who is an outbound member of a
   * group with a running automatic campaign, whose profile has the module and whose phone is
   * registered, has its next contact due dialled.
   */
  void dialForFreeAgents() {
    if (!outbound.canPlace()) {
      return;
    }
    List<Long> automatic =
        em.createQuery(
                "SELECT DISTINCT k.group.id FROM Campaign k WHERE k.active = TRUE AND k.mode = :mode",
                Long.class)
            .setParameter("mode", DialMode.AUTOMATIC)
            .getResultList();
    if (automatic.isEmpty()) {
      return;
    }
    List<Long> free =
        em.createQuery(
                "SELECT DISTINCT p.agentId FROM AgentPresence p, Membership m"
                    + " WHERE m.agent = p.agent AND m.outbound = TRUE AND m.group.id IN :groups"
                    + " AND p.activity = :idle AND p.availability = :available"
                    + " AND p.phoneRegistered = TRUE",
                Long.class)
            .setParameter("groups", automatic)
            .setParameter("idle", Activity.IDLE)
            .setParameter("available", Availability.AVAILABLE)
            .getResultList();
    for (long agentId : free) {
      if (!em.find(Agent.class, agentId).hasModule(BannerModule.DIALER)) {
        continue;
      }
      CampaignContact next = next(agentId, List.of(DialMode.AUTOMATIC));
      if (next != null) {
        call(agentId, next.getId());
      }
    }
  }

  /** Réserver: only this agent will call the contact. */
  void reserve(long agentId, long contactId) {
    Agent agent = em.find(Agent.class, agentId);
    agent.requireModule(BannerModule.DIALER);
    CampaignContact contact = dialable(agent, contactId);
    requireNotReservedByAnother(contact, agent);
    contact.reserve(agent);
  }

  /** Modifier rappel: the contact is due at {@code at}, reserved to the agent who moved it. */
  void reschedule(long agentId, long contactId, OffsetDateTime at) {
    Agent agent = em.find(Agent.class, agentId);
    agent.requireModule(BannerModule.DIALER);
    CampaignContact contact = dialable(agent, contactId);
    requireNotReservedByAnother(contact, agent);
    contact.reschedule(agent, at);
  }

  /**
   * Dials the contact for the agent, who must be free to dial; 409 with the rule's name when a rule
   * forbids the call now.
   *
   * @return the new call
   */
  Call call(long agentId, long contactId) {
    AgentPresence presence = em.find(AgentPresence.class, agentId);
    if (presence == null) {
      throw new DeskConflictException("the agent is not connected to the ACD");
    }
    Agent agent = presence.getAgent();
    agent.requireModule(BannerModule.DIALER);
    CampaignContact contact = dialable(agent, contactId);
    DialRefusal refusal = refusal(contact, agent.getId());
    if (refusal != null) {
      throw new DialRefusedException(refusal);
    }
    moves.check(presence, AgentEvent.DIAL);
    Campaign campaign = contact.getCampaign();
    QueueGroup group = campaign.getGroup();
    String presented = Outbound.callerId(campaign, agent);
    Call call = outbound.place(presence, group, presented, contact.getNumber());
    contact.dialled(call);
    return call;
  }

  /**
   * An outbound call ended: if it was a campaign's attempt, the attempt is counted and its contact
   * becomes what the rules decide (done, recycled for later, spent), and DIALER_ATTEMPT announced.
   */
  void callEnded(Call call, CallOutcome how) {
    if (call.getDirection() != CallDirection.OUTBOUND) {
      return;
    }
    if (call.awaitsCallback() && how != CallOutcome.ANSWERED) {
      // The callback a queued caller asked for did not reach it: it is still owed one (SPEC X1).
      toCallbackList(call.getGroup(), call.getAccount(), call.getCallee());
      return;
    }
    CampaignContact contact =
        em.createQuery(
                "SELECT c FROM CampaignContact c WHERE c.call = :call", CampaignContact.class)
            .setParameter("call", call)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (contact == null) {
      return;
    }
    AttemptOutcome outcome = AttemptOutcome.of(how);
    Campaign campaign = contact.getCampaign();
    OffsetDateTime now = clock.now();
    long sameCause =
        em.createQuery(
                "SELECT COUNT(a) FROM DialAttempt a WHERE a.contactId = :contact"
                    + " AND a.outcome = :outcome",
                Long.class)
            .setParameter("contact", contact.getId())
            .setParameter("outcome", outcome)
            .getSingleResult();
    em.persist(new DialAttempt(contact, call.getId(), outcome, now));
    List<OffsetDateTime> recent = recentAttempts(contact);
    recent.add(now);
    contact.attempted(
        outcome,
        DialRules.afterAttempt(
            outcome,
            (int) sameCause + 1,
            campaign.getRecycling(),
            now,
            DialRules.limitFrees(recent, campaign.getMaxAttempts30Days())));
    transaction.announce(
        new AcdEvent.DialerAttempt(
            contact.getAccountId(),
            now,
            campaign.getName(),
            contact.getId(),
            contact.getNumber(),
            outcome));
  }

  /**
   * A caller hung up while queued (SPEC X1): its number joins the group's callback list as
   * ABANDONED, once (a caller who hangs up again is due again). A caller without a number cannot be
   * called back.
   */
  void abandoned(Call call) {
    toCallbackList(call.getGroup(), call.getAccount(), call.getCaller());
  }

  /** The number joins the group's callback list, or is due there again; unless it is no number. */
  private void toCallbackList(QueueGroup group, Account account, String number) {
    Optional<String> e164 = PhoneNumbers.of(account.getCountry()).e164(number);
    if (group == null || e164.isEmpty()) {
      return;
    }
    Campaign list =
        em.createQuery(
                "SELECT c FROM Campaign c WHERE c.group = :group AND c.callbacks = TRUE",
                Campaign.class)
            .setParameter("group", group)
            .getResultStream()
            .findFirst()
            .orElseGet(
                () -> {
                  Campaign created = Campaign.callbackList(account, group, clock.now());
                  em.persist(created);
                  return created;
                });
    em.createQuery(
            "SELECT c FROM CampaignContact c WHERE c.campaign = :list AND c.number = :number",
            CampaignContact.class)
        .setParameter("list", list)
        .setParameter("number", e164.get())
        .getResultStream()
        .findFirst()
        .ifPresentOrElse(
            CampaignContact::abandonedAgain,
            () ->
                em.persist(
                    new CampaignContact(
                        list, e164.get(), null, null, null, ContactStatus.ABANDONED, clock.now())));
  }

  /**
   * The rule that forbids the agent to call the contact now, or null; with no agent (the predictive
   * dialler), a reserved contact is forbidden too.
   */
  DialRefusal refusal(CampaignContact contact, Long agentId) {
    Campaign campaign = contact.getCampaign();
    Account account = campaign.getAccount();
    LocalDateTime local = clock.now().atZoneSameInstant(account.getTimeZone()).toLocalDateTime();
    Agent reservedBy = contact.getReservedBy();
    return DialRules.refusal(
        reservedBy == null ? null : reservedBy.getId(),
        agentId,
        onDoNotCallList(contact),
        refusedRecently(contact),
        recentAttempts(contact).size(),
        campaign.getMaxAttempts30Days(),
        campaign.getCallingHours(),
        local,
        account.getCountry());
  }

  private boolean refusedRecently(CampaignContact contact) {
    return em.createQuery(
                "SELECT COUNT(r) FROM Refusal r WHERE r.accountId = :account"
                    + " AND r.number = :number AND r.refusedAt > :since",
                Long.class)
            .setParameter("account", contact.getAccountId())
            .setParameter("number", contact.getNumber())
            .setParameter("since", clock.now().minus(Refusal.BLOCKED_FOR))
            .getSingleResult()
        > 0;
  }

  /**
   * The agent qualified its call: a campaign's call qualified as one of its refusals bars the
   * number from every campaign of the account for 60 days (SPEC B11, Code de la consommation
   * D.223-9).
   */
  void qualified(Call call, String code) {
    if (call.getDirection() != CallDirection.OUTBOUND || code == null) {
      return;
    }
    em.createQuery("SELECT a FROM DialAttempt a WHERE a.callId = :call", DialAttempt.class)
        .setParameter("call", call.getId())
        .getResultStream()
        .findFirst()
        .map(attempt -> em.find(Campaign.class, attempt.getCampaignId()))
        .filter(campaign -> campaign.getRefusals().contains(code))
        .ifPresent(
            campaign ->
                em.persist(new Refusal(call.getAccountId(), call.getCallee(), clock.now())));
  }

  private boolean onDoNotCallList(CampaignContact contact) {
    return em.createQuery(
                "SELECT COUNT(d) FROM DoNotCall d WHERE d.accountId = :account"
                    + " AND d.number = :number",
                Long.class)
            .setParameter("account", contact.getAccountId())
            .setParameter("number", contact.getNumber())
            .getSingleResult()
        > 0;
  }

  /** The number's attempts within the last 30 days, in any of the account's campaigns. */
  private List<OffsetDateTime> recentAttempts(CampaignContact contact) {
    return em.createQuery(
            "SELECT a.at FROM DialAttempt a WHERE a.accountId = :account AND a.number = :number"
                + " AND a.at > :since",
            OffsetDateTime.class)
        .setParameter("account", contact.getAccountId())
        .setParameter("number", contact.getNumber())
        .setParameter("since", clock.now().minus(DialRules.LIMIT_PERIOD))
        .getResultList();
  }

  /**
   * A contact the agent may work on: of its account and of a group where it is an outbound member
   * (else, as if it did not exist, 404), and still to be called (else 409, {@code dnc} for a number
   * on the do-not-call list).
   */
  private CampaignContact dialable(Agent agent, long contactId) {
    CampaignContact contact = em.find(CampaignContact.class, contactId);
    if (contact == null
        || contact.getAccountId() != agent.getAccount().getId()
        || !outboundGroups(agent).contains(contact.getCampaign().getGroup())) {
      throw new NoSuchEntityException("contact");
    }
    if (contact.getStatus() == ContactStatus.DNC) {
      throw new DialRefusedException(DialRefusal.DNC);
    }
    if (!contact.getStatus().isDialable()) {
      throw new DeskConflictException(
          "the contact is not to be called (" + contact.getStatus() + ")");
    }
    return contact;
  }

  private static void requireNotReservedByAnother(CampaignContact contact, Agent agent) {
    if (contact.getReservedBy() != null && !contact.getReservedBy().equals(agent)) {
      throw new DialRefusedException(DialRefusal.RESERVED);
    }
  }

  private static List<QueueGroup> outboundGroups(Agent agent) {
    return agent.getMemberships().stream()
        .filter(Membership::isOutbound)
        .map(Membership::getGroup)
        .toList();
  }
}
