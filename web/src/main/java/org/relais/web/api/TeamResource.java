package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.relais.desk.DeskQueries;
import org.relais.desk.DeskQueries.TeamGroup;
import org.relais.web.security.CurrentCaller;

/** Agents sharing a group with the caller, with their live states (SPEC B7). */
@ApplicationScoped
@Path("/team")
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {

  @Inject CurrentCaller caller;
  @Inject DeskQueries desk;

  @GET
  public List<TeamGroup> team() {
    return desk.team(caller.agent());
  }
}
