package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.relais.InvalidFieldException;
import org.relais.NoSuchEntityException;
import org.relais.agent.Agent;
import org.relais.agent.Role;
import org.relais.directory.Contact;
import org.relais.directory.ContactDetails;
import org.relais.directory.ContactField;
import org.relais.directory.CsvFile;
import org.relais.directory.Directory;
import org.relais.directory.ImportProgress;
import org.relais.directory.ImportReport;
import org.relais.directory.ImportRunningException;
import org.relais.directory.Rejection;
import org.relais.directory.Visibility;
import org.relais.web.security.CurrentCaller;

/**
 * The directory (docs/API.md, Directory; SPEC B10, E3): any role searches, reads, adds, changes and
 * deletes the contacts the directory's rules let it; the screen pop's number lookup; the admin's
 * CSV import and export of public contacts.
 */
@ApplicationScoped
@Path("/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactsResource {

  /** The largest CSV file an import reads. */
  static final int MAX_IMPORT_BYTES = 64 * 1024 * 1024;

  static final String CSV = "text/csv";

  @Inject CurrentCaller caller;
  @Inject Directory directory;

  /** A contact as the API shows it: numbers as typed, and in E.164 under {@code e164}. */
  @JsonbPropertyOrder({
    "id",
    "visibility",
    "lastName",
    "firstName",
    "company",
    "email",
    "office",
    "mobile",
    "home",
    "other",
    "e164",
    "category",
    "callData",
    "address",
    "description",
    "createdAt",
    "updatedAt"
  })
  public record ContactView(
      long id,
      Visibility visibility,
      String lastName,
      String firstName,
      String company,
      String email,
      String office,
      String mobile,
      String home,
      String other,
      Map<String, String> e164,
      String category,
      String callData,
      String address,
      String description,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {

    static ContactView of(Contact c) {
      Map<String, String> e164 = new LinkedHashMap<>();
      for (ContactField field : ContactField.PHONES) {
        c.e164Of(field).ifPresent(n -> e164.put(field.apiName(), n));
      }
      return new ContactView(
          c.getId(),
          c.getVisibility(),
          c.getLastName(),
          c.getFirstName(),
          c.getCompany(),
          c.getEmail(),
          c.getOffice(),
          c.getMobile(),
          c.getHome(),
          c.getOther(),
          e164,
          c.getCategory(),
          c.getCallData(),
          c.getAddress(),
          c.getDescription(),
          c.getCreatedAt(),
          c.getUpdatedAt());
    }
  }

  /** An import's answer: {@code {"imported":n,"rejected":[{"line","field","message"}]}}. */
  @JsonbPropertyOrder({"imported", "rejected", "rows", "rejectedRows", "refused", "message"})
  public record ImportAnswer(
      int imported,
      List<RejectionView> rejected,
      int rows,
      int rejectedRows,
      boolean refused,
      String message) {

    static ImportAnswer of(ImportReport r) {
      String message;
      if (!r.refused()) {
        message = r.imported() + " contacts imported, " + r.rejectedRows() + " rows rejected";
      } else if (r.rejectedRows() > 0) {
        message =
            "nothing imported: "
                + r.rejectedRows()
                + " rows rejected; correct them, or send validOnly=true to import the valid rows";
      } else {
        message = "nothing imported: the file cannot be read";
      }
      return new ImportAnswer(
          r.imported(),
          r.rejected().stream().map(RejectionView::of).toList(),
          r.rows(),
          r.rejectedRows(),
          r.refused(),
          message);
    }
  }

  /** One problem of an import: the file's line, the field, the reason code and a message. */
  @JsonbPropertyOrder({"line", "field", "reason", "message"})
  public record RejectionView(int line, String field, String reason, String message) {
    static RejectionView of(Rejection r) {
      return new RejectionView(r.line(), r.field(), r.reason(), r.message());
    }
  }

  @GET
  @Operation(
      summary = "Search the directory",
      description =
          "Public contacts and the caller's private ones whose names, company or e-mail contain"
              + " every word of q (accents and case ignored), or with a number in any format"
              + " (three digits or more match part of a number). Header X-Total-Count.")
  public Response search(
      @QueryParam("q") String q,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("50") int max) {
    var account = caller.account();
    Agent agent = caller.agent();
    List<ContactView> page =
        directory.search(account, agent, q, first, max).stream().map(ContactView::of).toList();
    return Response.ok(page).header("X-Total-Count", directory.count(account, agent, q)).build();
  }

  @GET
  @Path("lookup")
  @Operation(
      summary = "The contact a number identifies (screen pop)",
      description =
          "Any format of the number (national, international, with spaces or dots); the caller's"
              + " private contact first, then public ones.")
  @APIResponse(responseCode = "200", description = "the contact")
  @APIResponse(responseCode = "404", description = "no contact has this number")
  public ContactView lookup(@QueryParam("number") String number) {
    if (number == null || number.isBlank()) {
      throw new InvalidFieldException("number", "a phone number");
    }
    return ContactView.of(
        directory
            .identify(caller.account(), caller.agent(), number)
            .orElseThrow(() -> new NoSuchEntityException("contact")));
  }

  @GET
  @Path("{id}")
  public ContactView get(@PathParam("id") String id) {
    return ContactView.of(directory.get(caller.account(), caller.agent(), id(id)));
  }

  @POST
  @Operation(
      summary = "Add a contact",
      description =
          "visibility PUBLIC (admins and supervisors) or PRIVATE (the caller's own); left out, it"
              + " is PUBLIC for admins and supervisors and PRIVATE for agents.")
  public Response create(JsonValue body) {
    JsonInput in = JsonInput.of(body);
    Contact contact =
        directory.create(caller.account(), caller.agent(), details(in, null), visibility(in));
    return Response.created(Locations.of("contacts", contact.getId()))
        .entity(ContactView.of(contact))
        .build();
  }

  /** Fields left out or null keep their value; an empty string clears a field. */
  @PUT
  @Path("{id}")
  @Operation(
      summary = "Change a contact",
      description = "Fields left out or null keep their value; an empty string clears one.")
  public ContactView update(@PathParam("id") String id, JsonValue body) {
    var account = caller.account();
    Agent agent = caller.agent();
    long contactId = id(id);
    JsonInput in = JsonInput.of(body);
    ContactDetails current = directory.get(account, agent, contactId).details();
    return ContactView.of(
        directory.update(account, agent, contactId, details(in, current), visibility(in)));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    directory.delete(caller.account(), caller.agent(), id(id));
    return Response.noContent().build();
  }

  @GET
  @Path("export")
  @Produces(CSV)
  @Operation(
      summary = "Export the public contacts as CSV (admin)",
      description =
          "UTF-8 with a byte-order mark, ';' separator, English header that the import reads.")
  public Response export() {
    var account = caller.requireRole(Role.ADMIN);
    StreamingOutput csv = output -> directory.exportPublic(account, output);
    return Response.ok(csv, CSV + ";charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"contacts.csv\"")
        .build();
  }

  @POST
  @Path("import")
  // Not text/plain: a form of another site can send that, with the browser's cached Basic
  // credentials. These types need a CORS preflight, which no other origin passes.
  @Consumes({CSV, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary = "Import public contacts from CSV (admin)",
      description =
          "Header row in French or English (the manual's Nom, Prénom, Société, Mail, Num."
              + " bureau, Mobile, Num. domicile, Num. autre, Catégorie, Données d'appel, Adresse,"
              + " Description, or lastName, firstName, company, email, office, mobile, home,"
              + " other, category, callData, address, description), or the headers the console's"
              + " import mapped for the account; ';', ',' or tab; UTF-8 (with or without BOM) or"
              + " Windows-1252. All or nothing: one rejected row imports nothing, unless"
              + " validOnly=true, which imports the valid rows. Each rejection names the file's"
              + " physical line, the field and the reason. One import per account at a time."
              + " Cells quoted by the export against spreadsheet formulas ('=...) read back"
              + " unquoted.")
  @APIResponse(responseCode = "200", description = "imported: {imported, rejected:[...]}")
  @APIResponse(responseCode = "409", description = "another import of the account is running")
  @APIResponse(
      responseCode = "422",
      description =
          "nothing imported: rows were rejected (without validOnly) or the file cannot be read;"
              + " same body, with imported 0 and the rejections")
  public Response importCsv(
      InputStream body,
      @Parameter(description = "import the valid rows even if others are rejected")
          @QueryParam("validOnly")
          @DefaultValue("false")
          boolean validOnly) {
    var account = caller.requireRole(Role.ADMIN);
    try (CsvFile file = CsvFile.spool(body, MAX_IMPORT_BYTES)) {
      ImportReport report = directory.importCsv(account, file, validOnly, ImportProgress.NONE);
      return Response.status(report.refused() ? 422 : 200)
          .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(ImportAnswer.of(report))
          .build();
    } catch (ImportRunningException e) {
      return ApiError.response(409, "conflict", e.getMessage(), null);
    }
  }

  /** The details of a request; fields left out or null keep those of {@code base}. */
  private static ContactDetails details(JsonInput in, ContactDetails base) {
    return ContactDetails.of(
        field ->
            in.has(field.apiName())
                ? in.optionalString(field.apiName(), field.maxLength())
                : base == null ? null : base.value(field));
  }

  private static Visibility visibility(JsonInput in) {
    String value = in.optionalString("visibility", 16);
    if (value == null) {
      return null;
    }
    try {
      return Visibility.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("visibility", "PUBLIC or PRIVATE");
    }
  }

  /** An id that is not a number names no contact. */
  private static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NoSuchEntityException("contact");
    }
  }
}
