package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.relais.agent.Role;
import org.relais.call.Call;
import org.relais.call.CallHistory;
import org.relais.call.RecordingArchive;
import org.relais.call.RecordingArchive.RecordingLine;
import org.relais.web.security.CurrentCaller;

/** One call of the account's history, for supervisors, admins and integrations. */
@ApplicationScoped
@Path("/calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

  @Inject CurrentCaller caller;
  @Inject CallHistory history;
  @Inject RecordingArchive recordings;

  /** A call as the API shows it; durations in whole seconds. */
  public record CallRecord(
      String id,
      String group,
      String direction,
      String caller,
      String ivrPath,
      String status,
      String outcome,
      String agent,
      String qualification,
      OffsetDateTime arrivedAt,
      OffsetDateTime answeredAt,
      OffsetDateTime endedAt,
      long waited,
      long talked,
      long held,
      String transferredTo,
      String overflowedFrom,
      List<RecordingLine> recordings) {

    static CallRecord of(Call c, List<RecordingLine> recordings) {
      return new CallRecord(
          c.getId().toString(),
          c.getGroupName(),
          c.getDirection().name(),
          c.getCaller(),
          c.getIvrPath(),
          c.getStatus().name(),
          c.getOutcome() == null ? null : c.getOutcome().name(),
          c.getAgent() == null ? null : c.getAgent().getLogin(),
          c.getQualification(),
          c.getArrivedAt(),
          c.getAnsweredAt(),
          c.getEndedAt(),
          c.waitSeconds(),
          c.talkSeconds(),
          c.holdSeconds(c.getEndedAt() != null ? c.getEndedAt() : c.getArrivedAt()),
          c.getTransferredTo(),
          c.getOverflowedFrom(),
          recordings);
    }
  }

  @GET
  @Path("{id}")
  public CallRecord get(@PathParam("id") String id) {
    Call call = history.get(caller.requireRole(Role.SUPERVISOR, Role.ADMIN), id);
    return CallRecord.of(
        call, recordings.ofCalls(List.of(call)).getOrDefault(call.getId(), List.of()));
  }
}
