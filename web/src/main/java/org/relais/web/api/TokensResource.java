package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.relais.access.ApiToken;
import org.relais.access.ApiTokens;
import org.relais.agent.Role;
import org.relais.web.security.CurrentCaller;

/**
 * {@code /api/v1/tokens} (admin): the account's API tokens. A new token's secret is in the answer
 * to its creation and nowhere else; the list shows names, roles and use, never a secret.
 */
@ApplicationScoped
@Path("/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokensResource {

  @Inject CurrentCaller caller;
  @Inject ApiTokens tokens;

  /** A token as the list shows it. */
  public record TokenView(
      String name, String role, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {
    static TokenView of(ApiToken t) {
      return new TokenView(
          t.getName(), t.getRole().securityName(), t.getCreatedAt(), t.getLastUsedAt());
    }
  }

  /** A token just made: its secret, shown this once. */
  public record IssuedView(String name, String role, String token) {}

  @POST
  public Response create(JsonValue body) {
    var account = caller.requireRole(Role.ADMIN);
    JsonInput in = JsonInput.of(body);
    ApiTokens.Issued issued =
        tokens.issue(account, in.string("name", 64), AgentsResource.role(in.string("role", 16)));
    return Response.created(Locations.of("tokens", issued.token().getName()))
        .header("Cache-Control", "no-store")
        .entity(
            new IssuedView(
                issued.token().getName(), issued.token().getRole().securityName(), issued.secret()))
        .build();
  }

  @GET
  public List<TokenView> list() {
    return tokens.list(caller.requireRole(Role.ADMIN)).stream().map(TokenView::of).toList();
  }

  @DELETE
  @Path("{name}")
  public Response revoke(@PathParam("name") String name) {
    tokens.revoke(caller.requireRole(Role.ADMIN), name);
    return Response.noContent().build();
  }
}
