package org.relais.web.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The API's error shape: {@code {"error","message","field"}}; {@code field} only for bad input. */
@JsonbPropertyOrder({"error", "message", "field"})
public record ApiError(String error, String message, String field) {

  public static Response response(int status, String error, String message, String field) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(new ApiError(error, message, field))
        .build();
  }
}
