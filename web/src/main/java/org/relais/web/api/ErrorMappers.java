package org.relais.web.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ParamException;
import org.relais.ConflictException;
import org.relais.DuplicateException;
import org.relais.InvalidFieldException;
import org.relais.NoSuchEntityException;
import org.relais.NotPermittedException;
import org.relais.web.security.CurrentCaller.NotAllowedException;

/**
 * Turns every failure into the API's error shape, so that no stack trace ever reaches a client: bad
 * input is a 400 naming the field, a missing or foreign entity a 404, a taken name a 409, a
 * forbidden action a 403, a desk action the agent's state does not allow a 409. A query, path or
 * header parameter that cannot be read as its type is a 400 naming it, on every resource; a body
 * over its limit ({@link RequestBodyLimit}) a 413. Anything else is logged here and answered as a
 * bare 500.
 */
@Provider
public class ErrorMappers implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

  /**
   * Whether the server's JAX-RS is Jersey (Payara): elsewhere (WildFly's RESTEasy) there is no
   * {@link ParamException} to test a failure against, and testing it would fail the mapping.
   */
  private static final boolean JERSEY = present("org.glassfish.jersey.server.ParamException");

  @Override
  public Response toResponse(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof InvalidFieldException e) {
      return ApiError.response(400, "invalid", e.getMessage(), e.getField());
    }
    if (cause instanceof BodyTooLargeException e) {
      return ApiError.response(413, "too_large", e.getMessage(), "body");
    }
    if (cause instanceof JsonException || cause instanceof JsonbException) {
      return ApiError.response(400, "malformed_json", "the body is not valid JSON", "body");
    }
    if (cause instanceof NoSuchEntityException || cause instanceof NotFoundException) {
      return ApiError.response(404, "not_found", cause.getMessage(), null);
    }
    if (cause instanceof DuplicateException e) {
      return ApiError.response(409, "conflict", e.getMessage(), e.getField());
    }
    if (cause instanceof ConflictException conflict) {
      return ApiError.response(409, conflict.error(), cause.getMessage(), null);
    }
    if (cause instanceof NotAllowedException || cause instanceof NotPermittedException) {
      return ApiError.response(403, "forbidden", cause.getMessage(), null);
    }
    if (JERSEY && cause instanceof ParamException e) {
      // Jersey answers 404 for a query or path parameter it cannot convert (?max=abc): the
      // resource exists, the input is bad.
      return ApiError.response(
          400, "invalid", e.getParameterName() + ": not a valid value", e.getParameterName());
    }
    if (cause instanceof WebApplicationException e) {
      int status = e.getResponse().getStatus();
      return ApiError.response(
          status, "http_" + status, e.getResponse().getStatusInfo().getReasonPhrase(), null);
    }
    LOG.log(Level.SEVERE, "unexpected failure in the API", failure);
    return ApiError.response(500, "internal", "internal error", null);
  }

  /**
   * Container layers (EJB, CDI interceptors, JSON providers) wrap the exception that matters: the
   * first one of ours in the chain wins, then the first JAX-RS one.
   */
  private static Throwable unwrap(Throwable failure) {
    Throwable webFailure = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException) {
        return t; // whatever parser was reading the body when it went past its limit
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InvalidFieldException
          || t instanceof NoSuchEntityException
          || t instanceof DuplicateException
          || t instanceof NotAllowedException
          || t instanceof NotPermittedException
          || t instanceof ConflictException
          || t instanceof JsonException
          || t instanceof JsonbException) {
        return t;
      }
      if (webFailure == null && t instanceof WebApplicationException) {
        webFailure = t;
      }
    }
    return webFailure != null ? webFailure : failure;
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, ErrorMappers.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
