package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.relais.agent.Role;
import org.relais.web.push.EventStream;
import org.relais.web.security.CurrentCaller;

/**
 * The account's ACD events as Server-Sent Events, in the order they were committed (API.md,
 * Events). For supervisors and admins: wallboards and integrations.
 */
@ApplicationScoped
@Path("/events")
public class EventsResource {

  @Inject CurrentCaller caller;
  @Inject EventStream stream;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(@Context SseEventSink sink, @Context Sse sse) {
    long accountId = caller.requireRole(Role.SUPERVISOR, Role.ADMIN).getId();
    stream.subscribe(accountId, sink, sse);
  }
}
