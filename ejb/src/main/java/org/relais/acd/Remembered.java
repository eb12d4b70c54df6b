package org.relais.acd;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Rows the switch names in its events (a group, an agent's extension), remembered by id so that
 * most events find them by id, without a query. A remembered row is checked against its name at
 * each use: a renamed group, or an extension now another agent's, is looked up afresh. Used under
 * the engine's lock only.
 *
 * @param <K> the name
 * @param <T> the row
 */
final class Remembered<K, T> {

  private final Map<K, Long> ids = new HashMap<>();
  private final Function<Long, T> byId;
  private final BiPredicate<K, T> named;
  private final Function<K, T> lookUp;
  private final Function<T, Long> idOf;

  /**
   * @param byId finds a row by id, or null
   * @param named whether the row still goes by the name
   * @param lookUp finds a row by name, or throws
   * @param idOf the row's id
   */
  Remembered(
      Function<Long, T> byId,
      BiPredicate<K, T> named,
      Function<K, T> lookUp,
      Function<T, Long> idOf) {
    this.byId = byId;
    this.named = named;
    this.lookUp = lookUp;
    this.idOf = idOf;
  }

  /** The id last seen under the name, if any: the row may have gone or changed name since. */
  Optional<Long> knownId(K name) {
    return Optional.ofNullable(ids.get(name));
  }

  T get(K name) {
    Long id = ids.get(name);
    if (id != null) {
      T row = byId.apply(id);
      if (row != null && named.test(name, row)) {
        return row;
      }
      ids.remove(name);
    }
    T row = lookUp.apply(name);
    ids.put(name, idOf.apply(row));
    return row;
  }
}
