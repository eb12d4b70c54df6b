package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.List;
import org.relais.NoSuchEntityException;
import org.relais.agent.Role;
import org.relais.call.RecordingArchive;
import org.relais.web.security.CurrentCaller;

/**
 * Call recordings (SPEC B13): the WAV file, with HTTP Range support so that a browser plays and
 * seeks it; supervisors and admins hear the account's recordings, an agent those of its own calls
 * where its profile allows. Each listening is audited.
 */
@ApplicationScoped
@Path("/recordings")
public class RecordingsResource {

  private static final String WAV = "audio/wav";

  @Inject CurrentCaller caller;
  @Inject RecordingArchive archive;

  /** Who heard a recording, and when. */
  public record Heard(String login, OffsetDateTime at) {}

  @GET
  @Path("{id}")
  @Produces({WAV, MediaType.APPLICATION_JSON})
  public Response listen(@PathParam("id") String id, @HeaderParam("Range") String range) {
    ByteRange.Requested requested = ByteRange.parse(range);
    java.nio.file.Path file =
        caller.isApiToken()
            ? archive.listenForAccount(
                caller.requireRole(Role.SUPERVISOR, Role.ADMIN),
                caller.login(),
                id,
                requested.fromStart())
            : archive.listen(caller.account(), caller.agent(), id, requested.fromStart());
    long length;
    try {
      length = Files.size(file);
    } catch (IOException e) {
      throw new NoSuchEntityException("recording file");
    }
    ByteRange bytes = requested.within(length);
    if (bytes == null) {
      return Response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
          .header("Content-Range", "bytes */" + length)
          .build();
    }
    StreamingOutput body = out -> bytes.copy(file, out);
    Response.ResponseBuilder answer =
        Response.status(requested.whole() ? 200 : 206)
            .entity(body)
            .type(WAV)
            .header("Accept-Ranges", "bytes")
            .header(HttpHeaders.CONTENT_LENGTH, bytes.length());
    if (!requested.whole()) {
      answer.header("Content-Range", bytes.contentRange(length));
    }
    return answer.build();
  }

  @GET
  @Path("{id}/heard")
  @Produces(MediaType.APPLICATION_JSON)
  public List<Heard> heard(@PathParam("id") String id) {
    return archive.heard(caller.requireRole(Role.SUPERVISOR, Role.ADMIN), id).stream()
        .map(h -> new Heard(h.getHeardBy(), h.getHeardAt()))
        .toList();
  }
}
