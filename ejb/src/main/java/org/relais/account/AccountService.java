package org.relais.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.relais.DuplicateException;
import org.relais.InvalidFieldException;
import org.relais.NoSuchEntityException;
import org.relais.access.PasswordHasher;
import org.relais.agent.Agent;
import org.relais.agent.Role;

/**
 * The platform operator's work, creating accounts, each with its first admin; and the account
 * admin's, changing its settings.
 */
@ApplicationScoped
@Transactional
public class AccountService {

  @PersistenceContext(unitName = "relais")
  EntityManager em;

  @Inject PasswordHasher hasher;
  @Inject Clock clock;
  @Inject Event<AccountSettingsChanged> settingsChanged;

  public Account create(String name, String adminLogin, String adminPassword) {
    if (name == null || !name.matches(Account.NAME_PATTERN)) {
      throw new InvalidFieldException("name", "1 to 64 letters, digits, '.', '-' or '_'");
    }
    if (byName(name).isPresent()) {
      throw new DuplicateException("name", name);
    }
    Account account = new Account(name, OffsetDateTime.now(clock));
    em.persist(account);
    em.persist(new Agent(account, adminLogin, adminLogin, hasher.hash(adminPassword), Role.ADMIN));
    return account;
  }

  /**
   * Changes the account's time zone and country; a null value keeps the current one. Bad values are
   * {@link InvalidFieldException}s naming the field, and change nothing.
   */
  public Account saveSettings(Account account, String timeZone, String country) {
    Account saved = byId(account.getId()).orElseThrow(() -> new NoSuchEntityException("account"));
    if (timeZone != null) {
      saved.changeTimeZone(timeZone);
    }
    if (country != null) {
      saved.changeCountry(country);
    }
    settingsChanged.fire(new AccountSettingsChanged(saved));
    return saved;
  }

  /** Changes how many days the account's call recordings are kept (SPEC B13). */
  public Account changeRecordingRetention(Account account, int days) {
    Account saved = byId(account.getId()).orElseThrow(() -> new NoSuchEntityException("account"));
    saved.changeRecordingRetention(days);
    settingsChanged.fire(new AccountSettingsChanged(saved));
    return saved;
  }

  public List<Account> list() {
    return em.createQuery("SELECT a FROM Account a ORDER BY a.name", Account.class).getResultList();
  }

  public Optional<Account> byName(String name) {
    return em.createQuery("SELECT a FROM Account a WHERE a.name = :name", Account.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  public Optional<Account> byId(long id) {
    return Optional.ofNullable(em.find(Account.class, id));
  }
}
