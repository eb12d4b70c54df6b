package org.relais.acd;

import java.util.function.Supplier;

/**
 * The transaction that holds the engine's changes, as the call flow sees it: what runs once it has
 * committed (switch commands, announcements), what undoes memory if it rolls back, and what it
 * keeps for itself alone. In the server, the JTA transaction ({@link JtaTransaction}); in unit
 * tests, one the test commits by hand.
 */
interface EngineTransaction {

  /** Runs the command once the transaction has committed; never if it rolls back. */
  void afterCommit(Runnable command);

  /** Runs {@code undo} if the transaction does not commit. */
  void afterRollback(Runnable undo);

  /**
   * Keeps the event with the transaction's others; they are announced together once the transaction
   * has committed, and never if it rolls back.
   */
  void announce(AcdEvent event);

  /** What this transaction keeps under the key, made by {@code create} at its first use. */
  <T> T kept(Object key, Supplier<T> create);
}
