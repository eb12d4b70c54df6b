package org.relais.access;

/**
 * An agent's password, role or enabled flag may have changed, or the agent is gone: credentials
 * verified before no longer stand for it.
 *
 * @param principal the agent, {@code login@account}
 */
public record AgentCredentialsChanged(String principal) {}
