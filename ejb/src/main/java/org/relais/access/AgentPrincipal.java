package org.relais.access;

import java.util.Optional;

/**
 * The name an agent is known by once verified: {@code login@account}. The account is what follows
 * the last {@code @}, since account names never hold one and logins may (an e-mail address).
 *
 * @param login the agent's login in its account
 * @param account the account's name
 */
public record AgentPrincipal(String login, String account) {

  /** The agent principal the name stands for; empty for the operator or a malformed name. */
  public static Optional<AgentPrincipal> parse(String name) {
    int at = name == null ? -1 : name.lastIndexOf('@');
    if (at <= 0 || at == name.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new AgentPrincipal(name.substring(0, at), name.substring(at + 1)));
  }

  /** {@code login@account}, as {@link #parse} reads it. */
  public String name() {
    return login + "@" + account;
  }
}
