package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
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
import java.time.OffsetDateTime;
import java.util.List;
import org.relais.NoSuchEntityException;
import org.relais.account.AccountTime;
import org.relais.acd.Acd;
import org.relais.agent.Agent;
import org.relais.call.Call;
import org.relais.call.CallHistory;
import org.relais.call.CallHistory.CallFilter;
import org.relais.call.CallHistory.HistoryLine;
import org.relais.call.LineTarget;
import org.relais.call.TimeRange;
import org.relais.desk.Desk;
import org.relais.desk.DeskCall;
import org.relais.desk.DeskLine;
import org.relais.desk.DeskQueries;
import org.relais.desk.DeskQueries.GroupLine;
import org.relais.desk.DeskQueries.Statistics;
import org.relais.telephony.RegisteredPhones;
import org.relais.web.security.CurrentCaller;

/**
 * The agent's own desk (docs/API.md): session, availability, groups, qualification, pauses, history
 * and statistics.
 */
@ApplicationScoped
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject CurrentCaller caller;
  @Inject Acd acd;
  @Inject RegisteredPhones phones;
  @Inject DeskQueries queries;
  @Inject CallHistory history;
  @Inject AccountTime accountTime;

  /** The agent's calls over a range (SPEC B6), newest first; {@code page} counts from 0. */
  public record HistoryPage(
      OffsetDateTime from,
      OffsetDateTime to,
      long total,
      int page,
      int size,
      List<HistoryLine> calls) {}

  @GET
  public Desk me() {
    return queries.desk(caller.agent());
  }

  @POST
  @Path("session")
  public Desk connect() {
    acd.connect(caller.agent().getId(), phones.isRegistered(caller.agent()));
    return me();
  }

  @DELETE
  @Path("session")
  public Desk disconnect() {
    acd.disconnect(caller.agent().getId());
    return me();
  }

  @PUT
  @Path("availability")
  public Desk availability(JsonValue body) {
    boolean available = JsonInput.of(body).bool("available", true);
    acd.changeAvailability(caller.agent().getId(), available);
    return me();
  }

  @PUT
  @Path("groups/{name}")
  public Desk group(@PathParam("name") String name, JsonValue body) {
    JsonInput in = JsonInput.of(body);
    Agent agent = caller.agent();
    GroupLine current =
        queries.groups(agent).stream()
            .filter(g -> g.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new NoSuchEntityException("group"));
    acd.toggleGroup(
        agent.getId(),
        name,
        in.bool("inbound", current.inbound()),
        in.bool("outbound", current.outbound()));
    return me();
  }

  @POST
  @Path("qualification")
  public Desk qualify(JsonValue body) {
    acd.qualify(caller.agent().getId(), JsonInput.of(body).string("code", 128));
    return me();
  }

  @POST
  @Path("penalty/cancel")
  public Desk cancelPenalty() {
    acd.cancelPenalty(caller.agent().getId());
    return me();
  }

  @POST
  @Path("transferred")
  public Desk transferred() {
    acd.transferred(caller.agent().getId());
    return me();
  }

  /**
   * Click-to-dial (SPEC B9): {@code {"number":"0123456789","group":"Commercial","callerId":…}}; the
   * agent's phone rings, then the customer's. 201 with the call; its outcome comes by events.
   */
  @POST
  @Path("calls")
  public Response dial(JsonValue body) {
    JsonInput in = JsonInput.of(body);
    Call call =
        acd.dial(
            caller.agent().getId(),
            in.string("group", 64),
            in.string("number", 32),
            in.optionalString("callerId", 32));
    return Response.status(Response.Status.CREATED).entity(DeskCall.of(call)).build();
  }

  /** The agent's lines (SPEC B12): its call while it talks, and its consult call. */
  @GET
  @Path("lines")
  public List<DeskLine> lines() {
    return queries.lines(caller.agent());
  }

  /**
   * A consult call: {@code {"number"}}, {@code {"agent"}} or {@code {"group"}}; holds the active
   * line and places the new one. 201 with the new line.
   */
  @POST
  @Path("lines")
  public Response consult(JsonValue body) {
    Call line = acd.consult(caller.agent().getId(), target(body));
    return Response.status(Response.Status.CREATED).entity(DeskLine.of(line)).build();
  }

  @POST
  @Path("lines/{id}/hold")
  public List<DeskLine> hold(@PathParam("id") String id) {
    acd.hold(caller.agent().getId(), lineId(id));
    return lines();
  }

  /** Takes the line off hold, holding the other one: the toggle. */
  @POST
  @Path("lines/{id}/resume")
  public List<DeskLine> resume(@PathParam("id") String id) {
    acd.resume(caller.agent().getId(), lineId(id));
    return lines();
  }

  @POST
  @Path("lines/{id}/hangup")
  public List<DeskLine> hangUpLine(@PathParam("id") String id) {
    acd.hangUpLine(caller.agent().getId(), lineId(id));
    return lines();
  }

  /** The attended transfer: joins the agent's two lines; the agent then qualifies as usual. */
  @POST
  @Path("lines/transfer")
  public Desk transferLines() {
    acd.transferLines(caller.agent().getId());
    return me();
  }

  /**
   * The blind transfer of the line to {@code {"number"}}, {@code {"agent"}} or {@code {"group"}}.
   */
  @POST
  @Path("lines/{id}/transfer")
  public Desk blindTransfer(@PathParam("id") String id, JsonValue body) {
    acd.blindTransfer(caller.agent().getId(), lineId(id), target(body));
    return me();
  }

  /**
   * Starts ({@code {"on":true}}) or stops the recording of the agent's call (SPEC B13): 409 with no
   * call, 403 where the group or the agent's profile does not allow it.
   */
  @POST
  @Path("recording")
  public Desk record(JsonValue body) {
    acd.record(caller.agent().getId(), JsonInput.of(body).bool("on", true));
    return me();
  }

  /**
   * The agent's calls taken and placed over a period: {@code period} (today, yesterday, thisWeek,
   * lastWeek, thisMonth) or {@code from} and {@code to} (ISO dates or date-times), today by
   * default.
   */
  @GET
  @Path("history")
  public HistoryPage history(@BeanParam ReportQuery query) {
    Agent agent = caller.agent();
    TimeRange range = query.range(accountTime.now(agent.getAccount()));
    int p = query.page();
    int s = query.size(ReportQuery.MAX_SIZE);
    CallFilter filter = CallFilter.of(agent, range);
    return new HistoryPage(
        range.from(),
        range.to(),
        history.count(agent.getAccount(), filter),
        p,
        s,
        history.lines(agent.getAccount(), agent, filter, p * s, s));
  }

  /**
   * Session and today figures (SPEC B14). See {@link DeskQueries#statistics} for what each counts:
   * a call in progress counts up to now.
   */
  @GET
  @Path("stats")
  public Statistics stats() {
    Agent agent = caller.agent();
    return queries.statistics(agent, accountTime.today(agent.getAccount()).from());
  }

  private static LineTarget target(JsonValue body) {
    JsonInput in = JsonInput.of(body);
    return LineTarget.of(
        in.optionalString("number", 32),
        in.optionalString("agent", 64),
        in.optionalString("group", 64));
  }

  /** A line's id; an id that is no number names no line (404). */
  private static long lineId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NoSuchEntityException("line");
    }
  }
}
