package org.relais.acd;

import jakarta.persistence.EntityManager;
import org.relais.agent.Agent;
import org.relais.presence.AgentPresence;
import org.relais.supervision.SupervisorAction;

/**
 * What a supervisor or an admin does to an agent (SPEC E5): force its availability, disconnect it,
 * change its part in a group for the day. The agent's own desk commands do it, so the same rules
 * hold (a disconnection is refused during a call); each is audited with who did it. Who may act on
 * whom is checked before, by the caller.
 */
final class SupervisorCommands {

  private final EntityManager em;
  private final DeskCommands desk;
  private final EngineClock clock;

  SupervisorCommands(EntityManager em, DeskCommands desk, EngineClock clock) {
    this.em = em;
    this.desk = desk;
    this.clock = clock;
  }

  /**
   * @param by the login of who forces it, audited
   */
  void forceAvailability(String by, long agentId, boolean available) {
    desk.changeAvailability(agentId, available);
    audit(
        by,
        agentId,
        available
            ? SupervisorAction.Kind.FORCE_AVAILABLE
            : SupervisorAction.Kind.FORCE_UNAVAILABLE);
  }

  /** Disconnects a connected agent; 409 during a call. */
  void disconnect(String by, long agentId) {
    if (em.find(AgentPresence.class, agentId) == null) {
      return;
    }
    desk.disconnect(agentId);
    audit(by, agentId, SupervisorAction.Kind.DISCONNECT);
  }

  /**
   * Turns the agent's inbound and outbound part in one of its groups on or off, as the agent's own
   * toggles do; 404 for a group the agent is not a member of.
   */
  void changeGroup(String by, long agentId, String groupName, boolean inbound, boolean outbound) {
    desk.changeGroup(em.find(Agent.class, agentId), groupName, inbound, outbound);
    audit(
        by,
        agentId,
        SupervisorAction.Kind.CHANGE_GROUP,
        "%s: inbound %s, outbound %s".formatted(groupName, onOff(inbound), onOff(outbound)));
  }

  private static String onOff(boolean on) {
    return on ? "on" : "off";
  }

  private void audit(String by, long agentId, SupervisorAction.Kind kind) {
    audit(by, agentId, kind, null);
  }

  private void audit(String by, long agentId, SupervisorAction.Kind kind, String detail) {
    Agent agent = em.find(Agent.class, agentId);
    em.persist(
        new SupervisorAction(
            agent.getAccount().getId(), clock.now(), by, agent.getLogin(), kind, null, detail));
  }
}
