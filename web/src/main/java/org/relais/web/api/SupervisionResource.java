package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.relais.supervision.SupervisionQueries;
import org.relais.supervision.SupervisionQueries.AgentLine;
import org.relais.supervision.SupervisionQueries.GroupLine;
import org.relais.web.security.CurrentCaller;
import org.relais.web.security.Supervisor;

/**
 * The live floor for supervisors and admins (SPEC E5; docs/API.md, Supervision): the groups a
 * supervisor belongs to and their agents, the whole account for an admin.
 */
@ApplicationScoped
@Path("/supervision")
@Produces(MediaType.APPLICATION_JSON)
public class SupervisionResource {

  @Inject CurrentCaller caller;
  @Inject Supervisor supervisor;
  @Inject SupervisionQueries queries;

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
}
