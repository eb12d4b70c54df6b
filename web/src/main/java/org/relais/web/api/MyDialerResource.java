package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.relais.InvalidFieldException;
import org.relais.acd.Acd;
import org.relais.call.Call;
import org.relais.desk.DeskCall;
import org.relais.dialer.CampaignContact;
import org.relais.dialer.ContactStatus;
import org.relais.dialer.DialMode;
import org.relais.dialer.DialerQueries;
import org.relais.web.security.CurrentCaller;

/**
 * The agent's outbound module (docs/API.md, Outbound engine; SPEC B11): its contacts, the next one
 * due (preview), call, reserve, reschedule. The engine refuses what the rules forbid (409, the
 * rule's name).
 */
@ApplicationScoped
@Path("/me/dialer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MyDialerResource {

  /** The shortest and longest quick reschedule (Modifier rappel: 5 minutes to a day). */
  private static final Duration SOONEST = Duration.ofMinutes(5);

  private static final Duration LATEST = Duration.ofDays(1);

  @Inject CurrentCaller caller;
  @Inject Acd acd;
  @Inject DialerQueries queries;
  @Inject Clock clock;

  /** A contact as the module lists it. */
  @JsonbPropertyOrder({"id", "number", "name", "group", "campaign", "status", "nextAttempt"})
  public record ContactLine(
      String id,
      String number,
      String name,
      String group,
      String campaign,
      ContactStatus status,
      OffsetDateTime nextAttempt) {

    static ContactLine of(CampaignContact c) {
      return c == null
          ? null
          : new ContactLine(
              c.getId().toString(),
              c.getNumber(),
              c.displayName(),
              c.getCampaign().getGroup().getName(),
              c.getCampaign().getName(),
              c.getStatus(),
              c.getNextAttempt());
    }
  }

  /** The module: the mode, the contact in hand, the contacts. */
  @JsonbPropertyOrder({"mode", "current", "contacts"})
  public record DialerView(DialMode mode, ContactLine current, List<ContactLine> contacts) {}

  @GET
  public DialerView dialer() {
    DialerQueries.DialerDesk desk = queries.desk(caller.agent());
    return new DialerView(
        desk.mode(),
        ContactLine.of(desk.current()),
        desk.contacts().stream().map(ContactLine::of).toList());
  }

  @POST
  @Path("next")
  @Operation(summary = "Reserve the next contact due (preview)", description = "204 when none.")
  public Response next() {
    CampaignContact next = acd.nextContact(caller.agent().getId());
    return next == null ? Response.noContent().build() : Response.ok(ContactLine.of(next)).build();
  }

  @POST
  @Path("contacts/{id}/call")
  @Operation(
      summary = "Call a contact",
      description =
          "201 with the call; 409 {\"error\":\"outside_calling_hours|dnc|refused_recently|max_attempts|reserved\"}.")
  public Response call(@PathParam("id") String id) {
    Call call = acd.callContact(caller.agent().getId(), id(id));
    return Response.status(Response.Status.CREATED).entity(DeskCall.of(call)).build();
  }

  @POST
  @Path("contacts/{id}/reserve")
  public Response reserve(@PathParam("id") String id) {
    acd.reserveContact(caller.agent().getId(), id(id));
    return Response.noContent().build();
  }

  @PUT
  @Path("contacts/{id}/callback")
  @Operation(
      summary = "Reschedule a contact",
      description =
          "{\"in\":\"PT15M\"} (5 minutes to 1 day) or {\"at\":\"2026-12-03T17:28:00+01:00\"}.")
  public Response callback(@PathParam("id") String id, JsonValue body) {
    JsonInput in = JsonInput.of(body);
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime at;
    if (in.has("in")) {
      Duration delay = duration(in.string("in", 32));
      if (delay.compareTo(SOONEST) < 0 || delay.compareTo(LATEST) > 0) {
        throw new InvalidFieldException("in", "between PT5M and P1D");
      }
      at = now.plus(delay);
    } else {
      at = dateTime(in.string("at", 64));
      if (!at.isAfter(now)) {
        throw new InvalidFieldException("at", "a date and time to come");
      }
    }
    acd.rescheduleContact(caller.agent().getId(), id(id), at);
    return Response.noContent().build();
  }

  private static Duration duration(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException("in", "an ISO 8601 duration, e.g. PT15M");
    }
  }

  private static OffsetDateTime dateTime(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException("at", "an ISO 8601 date and time with its offset");
    }
  }

  private static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new org.relais.NoSuchEntityException("contact");
    }
  }
}
