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
import java.util.List;
import org.relais.InvalidFieldException;
import org.relais.acd.Acd;
import org.relais.agent.Agent;
import org.relais.agent.Membership;
import org.relais.supervision.SupervisionQueries;
import org.relais.supervision.SupervisionQueries.AgentLine;
import org.relais.supervision.SupervisionQueries.GroupLine;
import org.relais.telephony.MonitorMode;
import org.relais.web.security.CurrentCaller;
import org.relais.web.security.Supervisor;

/**
 * The live floor and a hand on it, for supervisors and admins (SPEC E5, X2; docs/API.md,
 * Supervision): a supervisor sees and acts on the groups it belongs to and their agents, an admin
 * on the whole account. Actions go through the engine, which audits them.
 */
@ApplicationScoped
@Path("/supervision")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupervisionResource {

  @Inject CurrentCaller caller;
  @Inject Supervisor supervisor;
  @Inject SupervisionQueries queries;
  @Inject Acd acd;

  /** A supervisor's phone on an agent's call. */
  public record MonitorView(String agent, String callId, MonitorMode mode) {}

  @GET
  @Path("groups")
  public List<GroupLine> groups() {
    Supervisor.Viewer viewer = supervisor.current();
    return queries.groups(viewer.account(), viewer.agent());
  }

  @GET
  @Path("agents")
  public List<AgentLine> agents() {
    Supervisor.Viewer viewer = supervisor.current();
    return queries.agents(viewer.account(), viewer.agent());
  }

  @PUT
  @Path("agents/{login}/availability")
  public AgentLine availability(@PathParam("login") String login, JsonValue body) {
    boolean available = JsonInput.of(body).bool("available", false);
    Supervisor.Viewer viewer = supervisor.current();
    Agent agent = supervisor.supervised(viewer, login);
    acd.forceAvailability(caller.login(), agent.getId(), available);
    return queries.agent(viewer.account(), agent);
  }

  @DELETE
  @Path("agents/{login}/session")
  public AgentLine disconnect(@PathParam("login") String login) {
    Supervisor.Viewer viewer = supervisor.current();
    Agent agent = supervisor.supervised(viewer, login);
    acd.forceDisconnect(caller.login(), agent.getId());
    return queries.agent(viewer.account(), agent);
  }

  /** The agent's inbound / outbound part in one of the supervisor's groups, for the day. */
  @PUT
  @Path("agents/{login}/groups/{name}")
  public AgentLine group(
      @PathParam("login") String login, @PathParam("name") String name, JsonValue body) {
    JsonInput in = JsonInput.of(body);
    Supervisor.Viewer viewer = supervisor.current();
    Agent agent = supervisor.supervised(viewer, login);
    Membership membership = supervisor.membership(viewer, agent, name);
    acd.changeGroup(
        caller.login(),
        agent.getId(),
        name,
        in.bool("inbound", membership.isInbound()),
        in.bool("outbound", membership.isOutbound()));
    return queries.agent(viewer.account(), agent);
  }

  @POST
  @Path("agents/{login}/monitor")
  public Response monitor(@PathParam("login") String login, JsonValue body) {
    MonitorMode mode = mode(body);
    Supervisor.Viewer viewer = supervisor.current();
    Agent agent = supervisor.supervised(viewer, login);
    long callId = acd.monitor(supervisor.person().getId(), agent.getId(), mode);
    return Response.status(Response.Status.CREATED)
        .entity(new MonitorView(login, Long.toString(callId), mode))
        .build();
  }

  @PUT
  @Path("agents/{login}/monitor")
  public Response changeMonitor(@PathParam("login") String login, JsonValue body) {
    MonitorMode mode = mode(body);
    Agent agent = supervisor.supervised(supervisor.current(), login);
    acd.changeMonitor(supervisor.person().getId(), agent.getId(), mode);
    return Response.noContent().build();
  }

  @DELETE
  @Path("agents/{login}/monitor")
  public Response stopMonitor(@PathParam("login") String login) {
    Agent agent = supervisor.supervised(supervisor.current(), login);
    acd.stopMonitor(supervisor.person().getId(), agent.getId());
    return Response.noContent().build();
  }

  private static MonitorMode mode(JsonValue body) {
    String value = JsonInput.of(body).string("mode", 16);
    try {
      return MonitorMode.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("mode", "one of LISTEN, WHISPER, BARGE");
    }
  }
}
