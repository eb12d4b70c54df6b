package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.relais.account.Account;
import org.relais.account.AccountService;
import org.relais.web.security.CurrentCaller;

/** The platform operator's resource: accounts and their first admin. Sees no account's data. */
@ApplicationScoped
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

  @Inject CurrentCaller caller;
  @Inject AccountService accounts;

  /** An account as the operator sees it. */
  public record AccountView(String name, OffsetDateTime created) {
    static AccountView of(Account a) {
      return new AccountView(a.getName(), a.getCreatedAt());
    }
  }

  @POST
  public Response create(JsonValue body) {
    caller.requireOperator();
    JsonInput in = JsonInput.of(body);
    String name = in.string("name", 64);
    JsonInput adminIn = in.object("admin");
    Account account =
        accounts.create(name, adminIn.string("login", 64), adminIn.string("password", 128));
    return Response.created(Locations.of("accounts", account.getName()))
        .entity(AccountView.of(account))
        .build();
  }

  @GET
  public List<AccountView> list() {
    caller.requireOperator();
    return accounts.list().stream().map(AccountView::of).toList();
  }
}
