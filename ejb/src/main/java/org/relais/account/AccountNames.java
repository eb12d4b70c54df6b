package org.relais.account;

import java.util.Optional;

/**
 * Accounts as the switch names them (by name) and as rows refer to them (by id). The engine asks
 * for them on every event, so an implementation answers from memory where it can.
 */
public interface AccountNames {

  /** The id of the named account; {@link org.relais.NoSuchEntityException} if there is none. */
  long idOf(String name);

  /** The id of the named account if it is known without a query. */
  Optional<Long> knownId(String name);

  /** The name of an account that exists. */
  String nameOf(long id);
}
