package org.relais.access;

/**
 * An agent's password, role or enabled flag may have changed, or the agent is gone: credentials
 * verified before no longer stand for it.
 */
public record AgentCredentialsChanged() {}
