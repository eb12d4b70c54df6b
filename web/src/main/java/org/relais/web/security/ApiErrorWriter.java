package org.relais.web.security;

import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes the API's error shape from the servlet layer, before JAX-RS is reached. */
public final class ApiErrorWriter {

  /** Looked up once: {@code Json.createObjectBuilder} searches the class path at each call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private ApiErrorWriter() {}

  public static void write(HttpServletResponse response, int status, String error, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response
        .getWriter()
        .write(
            JSON.createObjectBuilder()
                .add("error", error)
                .add("message", message)
                .build()
                .toString());
    // Sent now: a server may otherwise put its own error page in its place when the mechanism
    // answers SEND_FAILURE (WildFly does).
    response.flushBuffer();
  }
}
