package org.relais.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import org.relais.access.AgentPrincipal;
import org.relais.access.CredentialVerifier;
import org.relais.account.Account;
import org.relais.account.KnownAccounts;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.agent.Role;
import org.relais.presence.Attendance;

/**
 * Who is calling, for the current request: the principal, its role and its account. Every
 * application call made for a page or an API request takes the account from here, which is how
 * every query stays scoped to the caller's account. It keeps nothing itself (the security context
 * answers for the current request, KnownAccounts remembers accounts), so one instance serves every
 * request rather than one built and injected for each.
 */
@ApplicationScoped
public class CurrentCaller {

  /** The principal of an API token is {@code token:<name>@<account>}. */
  private static final String TOKEN = "token:";

  @Inject Attendance attendance;
  @Inject SecurityContext security;
  @Inject KnownAccounts knownAccounts;
  @Inject AgentService agents;

  public String principal() {
    Principal p = security.getCallerPrincipal();
    if (p == null) {
      throw new NotAllowedException("not logged in");
    }
    return p.getName();
  }

  /** The login part of {@code login@account}. */
  public String login() {
    return loginOf(principal());
  }

  /** Whether the caller is an API token, which speaks for its account rather than a person. */
  public boolean isApiToken() {
    return login().startsWith(TOKEN);
  }

  public boolean isOperator() {
    return security.isCallerInRole(CredentialVerifier.OPERATOR);
  }

  public boolean hasRole(Role role) {
    return security.isCallerInRole(role.securityName());
  }

  public Account account() {
    return accountOf(principal());
  }

  /** The calling agent (any role of an account), who shows by its request that it is there. */
  public Agent agent() {
    // Read once: each reading of the security context builds its subject parser anew.
    String principal = principal();
    Agent agent = agents.get(accountOf(principal), loginOf(principal));
    attendance.seen(agent.getId());
    return agent;
  }

  private static String loginOf(String principal) {
    return AgentPrincipal.parse(principal)
        .map(AgentPrincipal::login)
        .orElseThrow(() -> new NotAllowedException("the caller is not an agent"));
  }

  private Account accountOf(String principal) {
    return AgentPrincipal.parse(principal)
        .flatMap(caller -> knownAccounts.named(caller.account()))
        .orElseThrow(() -> new NotAllowedException("no account for the caller"));
  }

  /** Refuses the request (403) unless the caller has one of the roles. */
  public Account requireRole(Role... roles) {
    if (Arrays.stream(roles).noneMatch(this::hasRole)) {
      throw new NotAllowedException("this action needs the role " + Arrays.toString(roles));
    }
    return account();
  }

  public void requireOperator() {
    if (!isOperator()) {
      throw new NotAllowedException("this action is the platform operator's");
    }
  }

  /** The caller may not do this (API: 403). */
  public static class NotAllowedException extends RuntimeException {
    public NotAllowedException(String message) {
      super(message);
    }
  }
}
