package org.relais.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.relais.ConflictException;
import org.relais.NoSuchEntityException;
import org.relais.account.Account;
import org.relais.agent.Agent;
import org.relais.agent.AgentService;
import org.relais.agent.Membership;
import org.relais.agent.Role;
import org.relais.supervision.SupervisionQueries;

/**
 * Who watches the floor (SPEC E5): a supervisor sees its own groups; an admin, and an API token
 * (which speaks for the account, not for a person), the whole account.
 */
@ApplicationScoped
public class Supervisor {

  @Inject CurrentCaller caller;
  @Inject AgentService agents;
  @Inject SupervisionQueries queries;

  /**
   * @param agent the supervisor whose groups bound the view; null for the whole account
   */
  public record Viewer(Account account, Agent agent) {}

  /** The caller as a viewer of the floor; refused (403) unless supervisor or admin. */
  public Viewer current() {
    Account account = caller.requireRole(Role.SUPERVISOR, Role.ADMIN);
    if (caller.hasRole(Role.ADMIN) || caller.isApiToken()) {
      return new Viewer(account, null);
    }
    return new Viewer(account, caller.agent());
  }

  /** A supervisor or admin as a viewer of the floor, as its wall display's pass names it. */
  public static Viewer of(Agent person) {
    return new Viewer(person.getAccount(), person.getRole() == Role.ADMIN ? null : person);
  }

  /** The account's agent of this login (404 otherwise), if the viewer supervises it (403). */
  public Agent supervised(Viewer viewer, String login) {
    Agent agent = agents.get(viewer.account(), login);
    if (!queries.supervises(viewer.agent(), agent)) {
      throw new CurrentCaller.NotAllowedException("this agent is in none of your groups");
    }
    return agent;
  }

  /**
   * The agent's membership of the group of this name (404 when it is not a member), if the viewer
   * supervises that group too (403): a supervisor changes only its own groups' staffing.
   */
  public Membership membership(Viewer viewer, Agent agent, String groupName) {
    Membership membership =
        agent.getMemberships().stream()
            .filter(m -> m.getGroup().getName().equals(groupName))
            .findFirst()
            .orElseThrow(() -> new NoSuchEntityException("group"));
    if (viewer.agent() != null
        && viewer.agent().getMemberships().stream()
            .noneMatch(m -> m.getGroup().getId().equals(membership.getGroup().getId()))) {
      throw new CurrentCaller.NotAllowedException("this group is not one of yours");
    }
    return membership;
  }

  /**
   * The supervisor or admin as a person with a phone, for listening in (SPEC X2); 409 for an API
   * token, which has none.
   */
  public Agent person() {
    if (caller.isApiToken()) {
      throw new ConflictException("an API token has no phone to join a call with");
    }
    return caller.agent();
  }
}
