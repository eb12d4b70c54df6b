package org.relais.acd;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import org.relais.agent.Agent;
import org.relais.call.Call;
import org.relais.dialer.Campaign;
import org.relais.group.QueueGroup;
import org.relais.presence.Activity;
import org.relais.presence.AgentEvent;
import org.relais.presence.AgentPresence;
import org.relais.telephony.Switch;

/**
 * Places an agent's outbound call, for click-to-dial ({@link DeskCommands#dial}) and the outbound
 * engine ({@link Dialer}) alike: the call is stored, the agent is DIALING until the switch reports
 * (or the attempt's limit passes), and the switch is asked to ring the agent, then the customer,
 * once the transaction has committed.
 */
final class Outbound {

  private final EntityManager em;
  private final AgentMoves moves;
  private final EngineTransaction transaction;
  private final Switch phoneSwitch;
  private final EngineClock clock;
  private final int dialTimeout;

  /**
   * @param dialTimeout how long, in seconds, an outbound attempt may last before it counts as not
   *     answered, should the switch never report
   */
  Outbound(
      EntityManager em,
      AgentMoves moves,
      EngineTransaction transaction,
      Switch phoneSwitch,
      EngineClock clock,
      int dialTimeout) {
    this.em = em;
    this.moves = moves;
    this.transaction = transaction;
    this.phoneSwitch = phoneSwitch;
    this.clock = clock;
    this.dialTimeout = dialTimeout;
  }

  /** Whether the switch places outbound calls: where it does not, none is made, nor spent. */
  boolean canPlace() {
    return phoneSwitch.placesOutboundCalls();
  }

  /**
   * @param presented the caller ID the customer sees
   * @param e164 the customer's number
   * @return the new call
   */
  Call place(AgentPresence presence, QueueGroup group, String presented, String e164) {
    if (!canPlace()) {
      throw new DeskConflictException("this telephony switch places no outbound calls yet");
    }
    Agent agent = presence.getAgent();
    OffsetDateTime now = clock.now();
    Call call = Call.outbound(agent.getAccount(), group, agent, presented, e164, now);
    em.persist(call);
    em.flush();
    moves.transition(
        presence, AgentEvent.DIAL, Activity.DIALING, call, group, now.plusSeconds(dialTimeout));
    em.flush();
    transaction.announce(
        new AcdEvent.CallDialing(
            presence.getAccountId(),
            now,
            call.getId(),
            group.getName(),
            agent.getLogin(),
            call.getCallee()));
    String account = agent.getAccount().getName();
    String extension = agent.getExtension();
    String callee = call.getCallee();
    transaction.afterCommit(
        () -> phoneSwitch.originate(account, call.getId(), extension, callee, presented));
    return call;
  }

  /**
   * The caller ID of a campaign's call: the campaign's own, else its group's ({@link
   * #defaultCallerId}); {@code agent} is null for a call dialled before any agent is chosen.
   */
  static String callerId(Campaign campaign, Agent agent) {
    return campaign.getCallerId() != null
        ? campaign.getCallerId()
        : defaultCallerId(campaign.getGroup(), agent);
  }

  /** The caller ID of a group's calls: its first, else the agent's extension. */
  static String defaultCallerId(QueueGroup group, Agent agent) {
    if (!group.settings().callerIds().isEmpty()) {
      return group.settings().callerIds().get(0);
    }
    return agent == null || agent.getExtension() == null ? "" : agent.getExtension();
  }
}
