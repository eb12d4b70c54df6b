package org.relais.agent;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What an admin fills in for an agent (SPEC E1), the one command the console's form and the API
 * both send: it starts from a new agent's defaults ({@link #newAgent}) or from the agent as it is
 * ({@link #of}). On update, a null password or SIP password keeps the current one; the SIP password
 * is the one the agent's phone registers with (SIP switch), never kept as given.
 */
public record AgentDraft(
    String name,
    String password,
    String sipPassword,
    Role role,
    String extension,
    boolean extensionEditable,
    boolean enabled,
    boolean publicContactsEditable,
    Set<BannerModule> modules,
    List<GroupAssignment> groups) {

  /** A new agent: an enabled agent with every banner module, no extension and no group. */
  public static AgentDraft newAgent(String name) {
    return new AgentDraft(
        name,
        null,
        null,
        Role.AGENT,
        null,
        false,
        true,
        false,
        EnumSet.allOf(BannerModule.class),
        List.of());
  }

  /** The agent as it is now, its passwords kept. */
  public static AgentDraft of(Agent agent) {
    return new AgentDraft(
        agent.getName(),
        null,
        null,
        agent.getRole(),
        agent.getExtension(),
        agent.isExtensionEditable(),
        agent.isEnabled(),
        agent.isPublicContactsEditable(),
        agent.getModules(),
        agent.getMemberships().stream().map(GroupAssignment::of).toList());
  }
}
