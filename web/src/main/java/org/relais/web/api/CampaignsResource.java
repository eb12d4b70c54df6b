package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.relais.InvalidFieldException;
import org.relais.agent.Role;
import org.relais.dialer.AttemptOutcome;
import org.relais.dialer.CallingHours;
import org.relais.dialer.CallingWindow;
import org.relais.dialer.Campaign;
import org.relais.dialer.CampaignContact;
import org.relais.dialer.CampaignDraft;
import org.relais.dialer.CampaignStats;
import org.relais.dialer.Campaigns;
import org.relais.dialer.ContactStatus;
import org.relais.dialer.DialLevel;
import org.relais.dialer.DialMode;
import org.relais.dialer.RecycleRule;
import org.relais.dialer.Recycling;
import org.relais.directory.CsvFile;
import org.relais.directory.ImportReport;
import org.relais.group.GroupService;
import org.relais.web.security.CurrentCaller;

/**
 * The account's campaigns (docs/API.md, Outbound engine; SPEC E4): admins create, configure, load
 * and delete them; supervisors follow them (lists, contacts, progress).
 */
@ApplicationScoped
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignsResource {

  @Inject CurrentCaller caller;
  @Inject Campaigns campaigns;
  @Inject GroupService groups;

  /** A campaign as the API shows it. */
  @JsonbPropertyOrder({
    "name",
    "group",
    "mode",
    "callerId",
    "recycling",
    "callingHours",
    "maxAttempts30Days",
    "maxAbandonRate",
    "dialLevel",
    "refusals",
    "active"
  })
  public record CampaignView(
      String name,
      String group,
      DialMode mode,
      String callerId,
      Map<String, RecycleRule> recycling,
      List<WindowView> callingHours,
      int maxAttempts30Days,
      double maxAbandonRate,
      double dialLevel,
      List<String> refusals,
      boolean active) {

    static CampaignView of(Campaign c) {
      Map<String, RecycleRule> rules = new LinkedHashMap<>();
      c.getRecycling().rules().forEach((cause, rule) -> rules.put(cause.name(), rule));
      return new CampaignView(
          c.getName(),
          c.getGroup().getName(),
          c.getMode(),
          c.getCallerId(),
          rules,
          c.getCallingHours().windows().stream().map(WindowView::of).toList(),
          c.getMaxAttempts30Days(),
          c.getMaxAbandonRate(),
          c.getDialLevel(),
          c.getRefusals(),
          c.isActive());
    }
  }

  /** A calling window: {@code {"days":"MON-FRI","from":"10:00","to":"13:00"}}. */
  @JsonbPropertyOrder({"days", "from", "to"})
  public record WindowView(String days, String from, String to) {
    static WindowView of(CallingWindow w) {
      return new WindowView(w.daysText(), w.from().toString(), w.to().toString());
    }
  }

  /** A contact of a campaign as the API lists it. */
  @JsonbPropertyOrder({
    "id",
    "number",
    "lastName",
    "firstName",
    "status",
    "attempts",
    "nextAttempt",
    "reservedBy",
    "lastOutcome"
  })
  public record ContactView(
      long id,
      String number,
      String lastName,
      String firstName,
      ContactStatus status,
      int attempts,
      OffsetDateTime nextAttempt,
      String reservedBy,
      AttemptOutcome lastOutcome) {

    static ContactView of(CampaignContact c) {
      return new ContactView(
          c.getId(),
          c.getNumber(),
          c.getLastName(),
          c.getFirstName(),
          c.getStatus(),
          c.getAttempts(),
          c.getNextAttempt(),
          c.getReservedBy() == null ? null : c.getReservedBy().getLogin(),
          c.getLastOutcome());
    }
  }

  @GET
  public List<CampaignView> list() {
    return campaigns.list(caller.requireRole(Role.ADMIN, Role.SUPERVISOR)).stream()
        .map(CampaignView::of)
        .toList();
  }

  @GET
  @Path("{name}")
  public CampaignView get(@PathParam("name") String name) {
    return CampaignView.of(campaigns.get(caller.requireRole(Role.ADMIN, Role.SUPERVISOR), name));
  }

  @POST
  @Operation(
      summary = "Create a campaign (admin)",
      description =
          "Omitted rules take the French legal defaults: calls Monday to Friday 10:00-13:00 and"
              + " 14:00-20:00 in the account's time zone, never on public holidays, at most 4"
              + " attempts per number in 30 days.")
  public Response create(JsonValue body) {
    var account = caller.requireRole(Role.ADMIN);
    JsonInput in = JsonInput.of(body);
    String name = in.string("name", 64);
    CampaignDraft base = CampaignDraft.of(groups.named(account, in.string("group", 64), "group"));
    Campaign campaign =
        campaigns.create(account, name, draft(in, base), dialLevel(in), refusals(in));
    return Response.created(Locations.of("campaigns", campaign.getName()))
        .entity(CampaignView.of(campaign))
        .build();
  }

  /** Fields left out keep their value; {@code active} starts, pauses or stops the campaign. */
  @PUT
  @Path("{name}")
  public CampaignView update(@PathParam("name") String name, JsonValue body) {
    var account = caller.requireRole(Role.ADMIN);
    JsonInput in = JsonInput.of(body);
    CampaignDraft base = campaigns.get(account, name).draft();
    if (in.has("group")) {
      base = withGroup(base, groups.named(account, in.string("group", 64), "group"));
    }
    return CampaignView.of(
        campaigns.update(
            account,
            name,
            in.optionalString("name", 64),
            draft(in, base),
            dialLevel(in),
            refusals(in)));
  }

  @DELETE
  @Path("{name}")
  public Response delete(@PathParam("name") String name) {
    campaigns.delete(caller.requireRole(Role.ADMIN), name);
    return Response.noContent().build();
  }

  @POST
  @Path("{name}/contacts")
  @Consumes({ContactsResource.CSV, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary = "Load numbers from CSV (admin)",
      description =
          "The directory import's format: its headers (a row's number is the first of its phone"
              + " columns, names are optional), separators and encodings. Each number once per"
              + " campaign; the report lists the rows refused, by line.")
  public Response importCsv(@PathParam("name") String name, InputStream body) {
    var account = caller.requireRole(Role.ADMIN);
    try (CsvFile file = CsvFile.spool(body, ContactsResource.MAX_IMPORT_BYTES)) {
      return report(campaigns.importCsv(account, name, file));
    }
  }

  @POST
  @Path("{name}/contacts")
  @Operation(
      summary = "Load numbers from JSON (admin)",
      description = "[{\"number\",\"lastName\",\"firstName\",\"data\"}]; the report as for CSV.")
  public Response importJson(@PathParam("name") String name, JsonValue body) {
    var account = caller.requireRole(Role.ADMIN);
    if (!(body instanceof JsonArray array)) {
      throw new InvalidFieldException("body", "a list of contacts");
    }
    JsonInput in = JsonInput.of(Json.createObjectBuilder().add("contacts", array).build());
    List<Campaigns.NewContact> contacts =
        in.objects(
            "contacts",
            100_000,
            List.of(),
            c ->
                new Campaigns.NewContact(
                    c.optionalString("number", 32),
                    c.optionalString("lastName", 128),
                    c.optionalString("firstName", 128),
                    c.optionalString("data", 1024)));
    return report(campaigns.importJson(account, name, contacts));
  }

  @GET
  @Path("{name}/contacts")
  @Operation(summary = "The campaign's contacts, paged", description = "Header X-Total-Count.")
  public Response contacts(
      @PathParam("name") String name,
      @QueryParam("status") String status,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("50") int max) {
    var account = caller.requireRole(Role.ADMIN, Role.SUPERVISOR);
    ContactStatus wanted = status == null || status.isBlank() ? null : status(status);
    List<ContactView> page =
        campaigns.contacts(account, name, wanted, Math.max(0, first), Math.max(1, max)).stream()
            .map(ContactView::of)
            .toList();
    return Response.ok(page)
        .header("X-Total-Count", campaigns.countContacts(account, name, wanted))
        .build();
  }

  @GET
  @Path("{name}/stats")
  public CampaignStats stats(@PathParam("name") String name) {
    return campaigns.stats(caller.requireRole(Role.ADMIN, Role.SUPERVISOR), name);
  }

  private static Response report(ImportReport report) {
    return Response.status(report.refused() ? 422 : 200)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(ContactsResource.ImportAnswer.of(report))
        .build();
  }

  /** The draft with the fields the body gives; those it leaves out keep their value. */
  private static CampaignDraft draft(JsonInput in, CampaignDraft base) {
    return new CampaignDraft(
        base.group(),
        in.has("mode") ? mode(in.string("mode", 16)) : base.mode(),
        in.has("callerId") ? in.optionalString("callerId", 32) : base.callerId(),
        in.has("recycling") ? recycling(in.object("recycling")) : base.recycling(),
        in.has("callingHours") ? hours(in) : base.callingHours(),
        in.integer("maxAttempts30Days", base.maxAttempts30Days()),
        in.decimal("maxAbandonRate", base.maxAbandonRate()),
        in.bool("active", base.active()));
  }

  /** The predictive pace the body sets (SPEC B11), or null when it leaves it out. */
  /** The qualifications that mean a refusal (SPEC B11), or null when left out. */
  private static List<String> refusals(JsonInput in) {
    return in.has("refusals") ? in.strings("refusals", 50, 128, List.of()) : null;
  }

  private static Double dialLevel(JsonInput in) {
    return in.has("dialLevel") ? in.decimal("dialLevel", DialLevel.MIN) : null;
  }

  private static CampaignDraft withGroup(CampaignDraft d, org.relais.group.QueueGroup group) {
    return new CampaignDraft(
        group,
        d.mode(),
        d.callerId(),
        d.recycling(),
        d.callingHours(),
        d.maxAttempts30Days(),
        d.maxAbandonRate(),
        d.active());
  }

  private static Recycling recycling(JsonInput in) {
    Map<AttemptOutcome, RecycleRule> rules = new EnumMap<>(AttemptOutcome.class);
    for (AttemptOutcome cause : Recycling.CAUSES) {
      if (in.has(cause.name())) {
        JsonInput rule = in.object(cause.name());
        RecycleRule fallback = Recycling.DEFAULTS.rule(cause);
        rules.put(
            cause,
            new RecycleRule(
                rule.integer("afterMinutes", fallback.afterMinutes()),
                rule.integer("maxAttempts", fallback.maxAttempts())));
      }
    }
    return new Recycling(rules);
  }

  private static CallingHours hours(JsonInput in) {
    return new CallingHours(
        in.objects(
            "callingHours",
            20,
            List.of(),
            w -> CallingWindow.of(w.string("days", 32), w.string("from", 5), w.string("to", 5))));
  }

  private static DialMode mode(String value) {
    try {
      return DialMode.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("mode", "one of MANUAL, PREVIEW, AUTOMATIC, PREDICTIVE");
    }
  }

  private static ContactStatus status(String value) {
    try {
      return ContactStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("status", "one of the contact statuses");
    }
  }
}
