package org.relais.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.relais.NoSuchEntityException;

/**
 * The accounts read so far, by name and by id. An account is created, never renamed nor deleted,
 * and its settings change only through {@link AccountService}, which says so once committed: a copy
 * read once stays true until then, and is replaced then. Every request asks for its caller's
 * account, and the engine names accounts by name to the switch and by id to the database, neither
 * of which needs a query more than once per account. An account not found is not remembered, since
 * it may be created next.
 */
@ApplicationScoped
public class KnownAccounts implements AccountNames {

  @Inject AccountService accounts;

  private final Map<String, Account> byName = new ConcurrentHashMap<>();
  private final Map<Long, Account> byId = new ConcurrentHashMap<>();

  public Optional<Account> named(String name) {
    Account known = byName.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    // Read outside the map: computeIfAbsent would hold a lock of the map during a query.
    Optional<Account> found = accounts.byName(name);
    found.ifPresent(this::remember);
    return found;
  }

  /** The id of the named account; {@link NoSuchEntityException} if there is none. */
  @Override
  public long idOf(String name) {
    return named(name).orElseThrow(() -> new NoSuchEntityException("account")).getId();
  }

  /** The id of the named account if it was read before: never a query. */
  @Override
  public Optional<Long> knownId(String name) {
    return Optional.ofNullable(byName.get(name)).map(Account::getId);
  }

  /** The name of an account that exists, as its id comes from a row that refers to it. */
  @Override
  public String nameOf(long id) {
    return withId(id).getName();
  }

  /** An account that exists, as its id comes from a row that refers to it. */
  public Account withId(long id) {
    Account known = byId.get(id);
    if (known == null) {
      known = accounts.byId(id).orElseThrow(() -> new NoSuchEntityException("account"));
      remember(known);
    }
    return known;
  }

  /** Replaces the copy of an account whose settings changed, once the change is committed. */
  void settingsChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) AccountSettingsChanged change) {
    remember(change.account());
  }

  private void remember(Account account) {
    byName.put(account.getName(), account);
    byId.put(account.getId(), account);
  }
}
