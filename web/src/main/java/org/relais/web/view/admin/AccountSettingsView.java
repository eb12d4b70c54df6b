package org.relais.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.relais.account.Account;
import org.relais.account.AccountService;
import org.relais.agent.Role;
import org.relais.directory.PhoneNumbers;
import org.relais.web.security.CurrentCaller;
import org.relais.web.view.FieldErrors;
import org.relais.web.view.Messages;

/**
 * The account's settings (docs/API.md, {@code /api/v1/account}): the time zone its days, history
 * and reports are counted in, and the country whose national numbers its agents type.
 */
@Named
@ViewScoped
public class AccountSettingsView implements Serializable {

  @Inject transient CurrentCaller caller;
  @Inject transient AccountService accounts;

  private String timeZone;
  private String country;

  /** A country of the list, named in the user's language. */
  public record Country(String code, String name) implements Serializable {}

  @PostConstruct
  void init() {
    Account account = caller.requireRole(Role.ADMIN);
    timeZone = account.getTimeZone().getId();
    country = account.getCountry();
  }

  public void save() {
    Account account = caller.requireRole(Role.ADMIN);
    if (FieldErrors.save("form", () -> accounts.saveSettings(account, timeZone, country))) {
      Messages.info("saved");
    }
  }

  /** The zones of the tz database, by name. */
  public List<String> getTimeZones() {
    return ZoneId.getAvailableZoneIds().stream().sorted().toList();
  }

  /** The countries whose numbers the directory can read, by their name in the user's language. */
  public List<Country> getCountries() {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return PhoneNumbers.countries().stream()
        .map(code -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
        .sorted(Comparator.comparing(Country::name))
        .toList();
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }
}
