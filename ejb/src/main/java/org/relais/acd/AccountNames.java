package org.relais.acd;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.relais.NoSuchEntityException;
import org.relais.account.Account;

/**
 * Accounts' names and ids, both ways: the switch names an account by name, the engine keeps it by
 * id. Accounts are created, never renamed nor deleted, so a name once read stays true and the
 * engine's transactions need not read the account again. Used under the engine's lock only.
 */
final class AccountNames {

  private final Map<String, Long> ids = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();
  private final Function<String, Optional<Account>> byName;
  private final LongFunction<Account> byId;

  /**
   * @param byName finds an account by name
   * @param byId finds an account by id
   */
  AccountNames(Function<String, Optional<Account>> byName, LongFunction<Account> byId) {
    this.byName = byName;
    this.byId = byId;
  }

  /** The id of the named account; {@link NoSuchEntityException} if there is none. */
  long idOf(String name) {
    Long id = ids.get(name);
    if (id == null) {
      Account account = byName.apply(name).orElseThrow(() -> new NoSuchEntityException("account"));
      id = account.getId();
      remember(name, id);
    }
    return id;
  }

  /** The id of the named account if it was read before. */
  Optional<Long> knownId(String name) {
    return Optional.ofNullable(ids.get(name));
  }

  String nameOf(long id) {
    String name = names.get(id);
    if (name == null) {
      name = byId.apply(id).getName();
      remember(name, id);
    }
    return name;
  }

  private void remember(String name, long id) {
    ids.put(name, id);
    names.put(id, name);
  }
}
