package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.relais.InvalidFieldException;
import org.relais.agent.Agent;
import org.relais.agent.AgentDraft;
import org.relais.agent.AgentService;
import org.relais.agent.BannerModule;
import org.relais.agent.GroupAssignment;
import org.relais.agent.Role;
import org.relais.web.security.CurrentCaller;

/**
 * The admin's agents (docs/API.md, Administration; SPEC E1). No answer ever carries a password, nor
 * the SIP password the agent's phone registers with.
 */
@ApplicationScoped
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentsResource {

  @Inject CurrentCaller caller;
  @Inject AgentService agents;

  /** An agent as the API shows it. */
  public record AgentView(
      String login,
      String name,
      String role,
      String extension,
      boolean extensionEditable,
      boolean enabled,
      boolean publicContactsEditable,
      Set<BannerModule> modules,
      List<GroupAssignment> groups) {

    static AgentView of(Agent a) {
      return new AgentView(
          a.getLogin(),
          a.getName(),
          a.getRole().securityName(),
          a.getExtension(),
          a.isExtensionEditable(),
          a.isEnabled(),
          a.isPublicContactsEditable(),
          a.getModules(),
          a.getMemberships().stream().map(GroupAssignment::of).toList());
    }
  }

  @GET
  public List<AgentView> list() {
    return agents.list(caller.requireRole(Role.ADMIN)).stream().map(AgentView::of).toList();
  }

  @GET
  @Path("{login}")
  public AgentView get(@PathParam("login") String login) {
    return AgentView.of(agents.get(caller.requireRole(Role.ADMIN), login));
  }

  @POST
  public Response create(JsonValue body) {
    var account = caller.requireRole(Role.ADMIN);
    JsonInput in = JsonInput.of(body);
    String login = in.string("login", 64);
    Agent agent = agents.create(account, login, draft(in, AgentDraft.newAgent(login)));
    return Response.created(Locations.of("agents", agent.getLogin()))
        .entity(AgentView.of(agent))
        .build();
  }

  /**
   * Fields left out keep their current value; {@code password} resets the password, {@code
   * sipPassword} the phone's.
   */
  @PUT
  @Path("{login}")
  public AgentView update(@PathParam("login") String login, JsonValue body) {
    var account = caller.requireRole(Role.ADMIN);
    AgentDraft base = AgentDraft.of(agents.get(account, login));
    return AgentView.of(agents.update(account, login, draft(JsonInput.of(body), base)));
  }

  @DELETE
  @Path("{login}")
  public Response delete(@PathParam("login") String login) {
    agents.delete(caller.requireRole(Role.ADMIN), login);
    return Response.noContent().build();
  }

  private static AgentDraft draft(JsonInput in, AgentDraft base) {
    return new AgentDraft(
        in.has("name") ? in.string("name", 128) : base.name(),
        in.optionalString("password", 128),
        in.optionalString("sipPassword", Agent.LONGEST_SIP_PASSWORD),
        in.has("role") ? role(in.string("role", 16)) : base.role(),
        in.has("extension") ? in.optionalString("extension", 32) : base.extension(),
        in.bool("extensionEditable", base.extensionEditable()),
        in.bool("enabled", base.enabled()),
        in.bool("publicContactsEditable", base.publicContactsEditable()),
        in.has("modules") ? modules(in.strings("modules", 20, 32, List.of())) : base.modules(),
        in.objects(
            "groups",
            500,
            base.groups(),
            g ->
                new GroupAssignment(
                    g.string("name", 64),
                    g.bool("inbound", true),
                    g.bool("outbound", false),
                    g.integer("level", 5))));
  }

  static Role role(String name) {
    try {
      return Role.fromSecurityName(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("role", "agent, supervisor or admin");
    }
  }

  private static Set<BannerModule> modules(List<String> names) {
    EnumSet<BannerModule> modules = EnumSet.noneOf(BannerModule.class);
    for (String name : names) {
      try {
        modules.add(BannerModule.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException(
            "modules", "names among " + EnumSet.allOf(BannerModule.class));
      }
    }
    return modules;
  }
}
