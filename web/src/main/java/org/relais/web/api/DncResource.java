package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.relais.NoSuchEntityException;
import org.relais.agent.Role;
import org.relais.dialer.DoNotCall;
import org.relais.dialer.DoNotCallList;
import org.relais.directory.ImportReport;
import org.relais.web.security.CurrentCaller;

/**
 * The account's do-not-call list (docs/API.md, Outbound engine): admins load and change it,
 * supervisors look numbers up.
 */
@ApplicationScoped
@Path("/dnc")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DncResource {

  @Inject CurrentCaller caller;
  @Inject DoNotCallList list;

  /** A listed number, in E.164. */
  @JsonbPropertyOrder({"number", "addedAt"})
  public record ListedView(String number, OffsetDateTime addedAt) {}

  @POST
  @Operation(summary = "Add numbers never to call (admin)", description = "{\"numbers\":[…]}")
  public Response add(JsonValue body) {
    var account = caller.requireRole(Role.ADMIN);
    List<String> numbers = JsonInput.of(body).strings("numbers", 100_000, 32, List.of());
    return report(list.add(account, numbers));
  }

  @POST
  @Consumes({ContactsResource.CSV, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary = "Add the numbers of a CSV file (admin)",
      description =
          "The first cell of each line, UTF-8; a first line without a number is a header.")
  public Response addCsv(InputStream body) {
    var account = caller.requireRole(Role.ADMIN);
    return report(list.addCsv(account, new InputStreamReader(body, StandardCharsets.UTF_8)));
  }

  @GET
  @Path("{number}")
  public ListedView get(@PathParam("number") String number) {
    DoNotCall listed =
        list.find(caller.requireRole(Role.ADMIN, Role.SUPERVISOR), number)
            .orElseThrow(() -> new NoSuchEntityException("number"));
    return new ListedView(listed.getNumber(), listed.getAddedAt());
  }

  @DELETE
  @Path("{number}")
  public Response delete(@PathParam("number") String number) {
    list.remove(caller.requireRole(Role.ADMIN), number);
    return Response.noContent().build();
  }

  private static Response report(ImportReport report) {
    return Response.ok(ContactsResource.ImportAnswer.of(report))
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .build();
  }
}
