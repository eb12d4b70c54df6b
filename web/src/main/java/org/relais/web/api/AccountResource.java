package org.relais.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.relais.account.Account;
import org.relais.account.AccountService;
import org.relais.agent.Role;
import org.relais.web.security.CurrentCaller;

/**
 * The caller's account settings (docs/API.md, Administration): the time zone its days and reports
 * are counted in, and the country whose national numbers its agents type. Every role of the account
 * reads them; only its admins change them.
 */
@ApplicationScoped
@Path("/account")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

  @Inject CurrentCaller caller;
  @Inject AccountService accounts;

  /** The settings as the API shows them. */
  public record SettingsView(String timeZone, String country, int recordingRetentionDays) {
    static SettingsView of(Account a) {
      return new SettingsView(
          a.getTimeZone().getId(), a.getCountry(), a.getRecordingRetentionDays());
    }
  }

  @GET
  public SettingsView get() {
    return SettingsView.of(caller.account());
  }

  /** Changes the fields given; the others keep their value. */
  @PUT
  public SettingsView update(JsonValue body) {
    Account account = caller.requireRole(Role.ADMIN);
    JsonInput in = JsonInput.of(body);
    Account saved =
        accounts.saveSettings(
            account, in.optionalString("timeZone", 64), in.optionalString("country", 2));
    if (in.has("recordingRetentionDays")) {
      saved = accounts.changeRecordingRetention(saved, in.integer("recordingRetentionDays", 0));
    }
    return SettingsView.of(saved);
  }
}
