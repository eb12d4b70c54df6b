package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.util.EnumSet;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.logging.Logger;
import org.relais.InvalidFieldException;
import org.relais.NoSuchEntityException;
import org.relais.agent.Agent;
import org.relais.agent.BannerModule;
import org.relais.agent.Membership;
import org.relais.call.Call;
import org.relais.call.CallOutcome;
import org.relais.directory.ContactProblem;
import org.relais.directory.PhoneNumbers;
import org.relais.group.GroupSettings;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.AgentEvent;
import org.relais.presence.AgentPresence;
import org.relais.presence.Availability;

/**
 * What an agent does from its desk (the banner or the API, SPEC B1-B9): connect and disconnect,
 * change its availability and groups, qualify, cancel a penalty, report a transfer, dial. Each
 * command is refused (409) where the agent's state does not allow it, and (403) where it belongs to
 * a banner module the agent's profile lacks (SPEC A4), before anything changes: the banner and the
 * API both act through here, so they refuse alike.
 */
final class DeskCommands {

  private static final Logger LOG = Logger.getLogger(DeskCommands.class.getName());

  private static final EnumSet<Activity> CALL_IN_HAND =
      EnumSet.of(Activity.RINGING, Activity.TALKING, Activity.DIALING, Activity.QUALIFYING);

  private final EntityManager em;
  private final Floors floors;
  private final AgentMoves moves;
  private final Dispatcher dispatcher;
  private final CallFlow flow;
  private final Outbound outbound;
  private final EngineClock clock;

  DeskCommands(
      EntityManager em,
      Floors floors,
      AgentMoves moves,
      Dispatcher dispatcher,
      CallFlow flow,
      Outbound outbound,
      EngineClock clock) {
    this.em = em;
    this.floors = floors;
    this.moves = moves;
    this.dispatcher = dispatcher;
    this.flow = flow;
    this.outbound = outbound;
    this.clock = clock;
  }

  /**
   * Connects the agent to the ACD (banner login); answers its presence.
   *
   * @param phoneRegistered whether the switch's registry holds the agent's phone now, as asked
   *     before the engine's lock was taken; the switch reports any change after
   */
  AgentPresence connect(long agentId, boolean phoneRegistered) {
    AgentPresence existing = em.find(AgentPresence.class, agentId);
    if (existing != null) {
      return existing;
    }
    Agent agent = em.find(Agent.class, agentId);
    if (agent.getExtension() != null && extensionInUse(agent)) {
      throw new DeskConflictException(
          "extension " + agent.getExtension() + " is already used by a connected agent");
    }
    Availability availability =
        agent.getSettings().isAvailableOnLogin()
            ? Availability.AVAILABLE
            : Availability.UNAVAILABLE;
    AgentPresence presence = new AgentPresence(agent, availability, phoneRegistered, clock.now());
    em.persist(presence);
    moves.audit(presence);
    Floor floor = floors.of(agent.getAccount().getId());
    floor.join(presence, agent);
    floor.callsToday(agentId, floors.answeredToday(presence));
    dispatcher.dispatch(agent.getAccount().getId());
    return presence;
  }

  /** Disconnects the agent; refused while a call is in hand or waits for its qualification. */
  void disconnect(long agentId) {
    AgentPresence presence = em.find(AgentPresence.class, agentId);
    if (presence == null) {
      return;
    }
    if (CALL_IN_HAND.contains(presence.getActivity())) {
      throw new DeskConflictException(
          "a call is in progress: finish and qualify it before logging out");
    }
    leave(presence);
  }

  /**
   * Disconnects, as a logout would, every connected agent of any account that is no longer there
   * and holds no call: the audit trail shows it DISCONNECTED. An agent with a call in hand stays:
   * the switch says when that call ends.
   */
  void disconnectAbsent(LongPredicate there) {
    for (AgentPresence presence :
        em.createQuery("SELECT p FROM AgentPresence p", AgentPresence.class).getResultList()) {
      if (!CALL_IN_HAND.contains(presence.getActivity()) && !there.test(presence.getAgentId())) {
        LOG.info(
            "agent "
                + presence.getAgentId()
                + " of account "
                + presence.getAccountId()
                + " disconnected: not seen for the configured silence");
        leave(presence);
      }
    }
  }

  void changeAvailability(long agentId, boolean available) {
    AgentPresence presence = connected(agentId);
    Availability next = available ? Availability.AVAILABLE : Availability.UNAVAILABLE;
    if (presence.getAvailability() == next) {
      return;
    }
    presence.changeAvailability(next, clock.now());
    moves.audit(presence);
    floors.of(presence.getAccountId()).update(presence);
    dispatcher.dispatch(presence.getAccountId());
  }

  /** The agent's own inbound / outbound toggles for a group it belongs to (SPEC B2). */
  void toggleGroup(long agentId, String groupName, boolean inbound, boolean outbound) {
    Agent agent = em.find(Agent.class, agentId);
    agent.requireModule(BannerModule.GROUPS);
    changeGroup(agent, groupName, inbound, outbound);
  }

  /**
   * The agent's inbound / outbound part in one of its groups, set by itself or for it by a
   * supervisor (SPEC E5), whatever modules its banner shows; calls are dispatched anew, and a group
   * left with no agent may overflow.
   */
  void changeGroup(Agent agent, String groupName, boolean inbound, boolean outbound) {
    Membership membership =
        agent.getMemberships().stream()
            .filter(m -> m.getGroup().getName().equals(groupName))
            .findFirst()
            .orElseThrow(() -> new NoSuchEntityException("group"));
    if (membership.isInbound() == inbound && membership.isOutbound() == outbound) {
      return; // a banner's toggle clicked twice, a supervisor setting what is set: no news
    }
    membership.toggle(inbound, outbound);
    moves.regrouped(membership);
    AgentPresence presence = em.find(AgentPresence.class, agent.getId());
    if (presence != null) {
      floors.of(presence.getAccountId()).join(presence, agent);
      if (!inbound) {
        flow.groupsLeft(presence.getAccountId(), List.of(membership.getGroup()));
      }
      dispatcher.dispatch(presence.getAccountId());
    }
  }

  /** The agent leaves the ACD, and the groups it took calls of may be left with no agent. */
  private void leave(AgentPresence presence) {
    List<QueueGroup> inbound =
        presence.getAgent().getMemberships().stream()
            .filter(Membership::isInbound)
            .map(Membership::getGroup)
            .toList();
    moves.leave(presence);
    flow.groupsLeft(presence.getAccountId(), inbound);
    dispatcher.dispatch(presence.getAccountId());
  }

  void qualify(long agentId, String code) {
    AgentPresence presence = connected(agentId);
    presence.getAgent().requireModule(BannerModule.QUALIFICATION);
    if (presence.getActivity() != Activity.QUALIFYING) {
      throw new DeskConflictException("there is no call to qualify");
    }
    QueueGroup group = presence.getGroup();
    if (group != null && !group.settings().qualifications().contains(code)) {
      throw new InvalidFieldException("code", "one of the group's qualifications");
    }
    flow.qualify(presence, code);
  }

  void cancelPenalty(long agentId) {
    AgentPresence presence = connected(agentId);
    moves.transition(presence, AgentEvent.CANCEL_PENALTY, Activity.IDLE, null, null, null);
    dispatcher.dispatch(presence.getAccountId());
  }

  /** The call was transferred from the desk phone (SPEC B4): closed as such, the agent is freed. */
  void transferred(long agentId) {
    AgentPresence presence = connected(agentId);
    moves.check(presence, AgentEvent.TRANSFERRED);
    Call call = presence.getCall();
    flow.endCall(call, CallOutcome.TRANSFERRED);
    flow.afterCall(presence, AgentEvent.TRANSFERRED, call);
    dispatcher.dispatch(presence.getAccountId());
  }

  /**
   * Click-to-dial (SPEC B9): places a call for one of the agent's groups, to the number in its
   * E.164 form (read in the account's country), which the call history keeps. Allowed to an agent
   * whose profile has the module, while idle, even unavailable (availability is about inbound
   * calls); the agent is then DIALING, so no inbound call is offered meanwhile. {@code
   * presentedNumber} is one of the group's caller IDs, chosen where the group allows it; by default
   * the group's first.
   *
   * @return the new call
   */
  Call dial(long agentId, String groupName, String number, String presentedNumber) {
    AgentPresence presence = connected(agentId);
    Agent agent = presence.getAgent();
    agent.requireModule(BannerModule.CLICK_TO_DIAL);
    moves.check(presence, AgentEvent.DIAL);
    PhoneNumbers.Normalised dialled =
        PhoneNumbers.of(agent.getAccount().getCountry()).normalise(number);
    if (dialled.problem() != null) {
      throw new ContactProblem("number", dialled.problem()).toException();
    }
    QueueGroup group =
        agent.getMemberships().stream()
            .map(Membership::getGroup)
            .filter(g -> g.getName().equals(groupName))
            .findFirst()
            .orElseThrow(() -> new InvalidFieldException("group", "one of the agent's groups"));
    return outbound.place(
        presence, group, presented(group, agent, presentedNumber), dialled.e164());
  }

  /** The caller ID a customer sees: the agent's choice where allowed, else the group's first. */
  private static String presented(QueueGroup group, Agent agent, String chosen) {
    GroupSettings rules = group.settings();
    if (chosen != null && !chosen.isBlank()) {
      if (!rules.callerIdSelectable() || !rules.callerIds().contains(chosen)) {
        throw new InvalidFieldException("callerId", "one of the group's caller IDs");
      }
      return chosen;
    }
    return Outbound.defaultCallerId(group, agent);
  }

  private AgentPresence connected(long agentId) {
    AgentPresence presence = em.find(AgentPresence.class, agentId);
    if (presence == null) {
      throw new DeskConflictException("the agent is not connected to the ACD");
    }
    return presence;
  }

  private boolean extensionInUse(Agent agent) {
    return em.createQuery(
                "SELECT COUNT(p) FROM AgentPresence p WHERE p.accountId = :account"
                    + " AND p.agent.extension = :extension",
                Long.class)
            .setParameter("account", agent.getAccount().getId())
            .setParameter("extension", agent.getExtension())
            .getSingleResult()
        > 0;
  }
}
