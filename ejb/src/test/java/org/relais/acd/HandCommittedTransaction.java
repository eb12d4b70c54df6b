package org.relais.acd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine's transaction in unit tests: the test begins, commits or rolls back the database's
 * transaction, then tells this one, which runs what the engine left for after the commit (or the
 * rollback) exactly as the server's does.
 */
final class HandCommittedTransaction implements EngineTransaction {

  private final List<Runnable> afterCommit = new ArrayList<>();
  private final List<Runnable> afterRollback = new ArrayList<>();
  private final List<AcdEvent> pending = new ArrayList<>();
  private final Map<Object, Object> kept = new HashMap<>();

  /** Every event announced so far, in order, as observers would have received them. */
  final List<AcdEvent> announced = new ArrayList<>();

  @Override
  public void afterCommit(Runnable command) {
    afterCommit.add(command);
  }

  @Override
  public void afterRollback(Runnable undo) {
    afterRollback.add(undo);
  }

  @Override
  public void announce(AcdEvent event) {
    pending.add(event);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T kept(Object key, Supplier<T> create) {
    return (T) kept.computeIfAbsent(key, k -> create.get());
  }

  void committed() {
    announced.addAll(pending);
    List<Runnable> commands = List.copyOf(afterCommit);
    reset();
    commands.forEach(Runnable::run);
  }

  void rolledBack() {
    List<Runnable> undo = List.copyOf(afterRollback);
    reset();
    undo.forEach(Runnable::run);
  }

  private void reset() {
    afterCommit.clear();
    afterRollback.clear();
    pending.clear();
    kept.clear();
  }
}
