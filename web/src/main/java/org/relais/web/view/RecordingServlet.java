package org.relais.web.view;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.relais.NoSuchEntityException;
import org.relais.NotPermittedException;
import org.relais.call.RecordingArchive;
import org.relais.web.api.ByteRange;
import org.relais.web.security.CurrentCaller;

/**
 * A recording played in the banner's history or the console's calls report (SPEC B13, E6), for the
 * logged-in session: the same WAV, the same rules and audit as {@code GET /api/v1/recordings/{id}},
 * which takes the API's credentials instead.
 */
@WebServlet(urlPatterns = {"/agent/recordings/*", "/admin/recordings/*"})
public class RecordingServlet extends HttpServlet {

  @Inject CurrentCaller caller;
  @Inject RecordingArchive archive;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String id = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    ByteRange.Requested requested = ByteRange.parse(request.getHeader("Range"));
    Path file;
    long length;
    try {
      file = archive.listen(caller.account(), caller.agent(), id, requested.fromStart());
      length = Files.size(file);
    } catch (NoSuchEntityException | IOException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    } catch (NotPermittedException e) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    ByteRange bytes = requested.within(length);
    response.setHeader("Accept-Ranges", "bytes");
    if (bytes == null) {
      response.setHeader("Content-Range", "bytes */" + length);
      response.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
      return;
    }
    response.setStatus(requested.whole() ? 200 : HttpServletResponse.SC_PARTIAL_CONTENT);
    if (!requested.whole()) {
      response.setHeader("Content-Range", bytes.contentRange(length));
    }
    response.setContentType("audio/wav");
    response.setContentLengthLong(bytes.length());
    bytes.copy(file, response.getOutputStream());
  }
}
