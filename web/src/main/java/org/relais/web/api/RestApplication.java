package org.relais.web.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The REST API, version 1 (see docs/API.md): every banner and admin action as JSON. The resources
 * are application-scoped: they keep no state of their own, only other beans (the caller's identity
 * comes from the current request's security context), and a resource built for each request cost
 * every request a CDI creation and injection. The event stream, {@code /api/v1/events}, is a
 * servlet ({@link EventsServlet}).
 */
@ApplicationPath("/api/v1")
@DeclareRoles({"agent", "supervisor", "admin", "operator"})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Relais API",
            version = "1",
            description =
                "Contact-center ACD, agent desk and administration. HTTP Basic login@account."))
public class RestApplication extends Application {}
