package org.relais.acd;

import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The engine's transaction in the server: the container's JTA transaction, through its
 * synchronization registry. The events of one transaction are announced as one {@link AcdEvents}: a
 * deferred CDI notification costs the engine's thread more than what observers do with it.
 */
final class JtaTransaction implements EngineTransaction {

  private final TransactionSynchronizationRegistry registry;
  private final Event<AcdEvents> events;

  JtaTransaction(TransactionSynchronizationRegistry registry, Event<AcdEvents> events) {
    this.registry = registry;
    this.events = events;
  }

  @Override
  public void afterCommit(Runnable command) {
    afterCompletion(
        status -> {
          if (status == Status.STATUS_COMMITTED) {
            command.run();
          }
        });
  }

  @Override
  public void afterRollback(Runnable undo) {
    afterCompletion(
        status -> {
          if (status != Status.STATUS_COMMITTED) {
            undo.run();
          }
        });
  }

  @Override
  public void announce(AcdEvent event) {
    List<AcdEvent> pending =
        kept(
            AcdEvents.class,
            () -> {
              List<AcdEvent> created = new ArrayList<>();
              afterCommit(() -> events.fire(new AcdEvents(created)));
              return created;
            });
    pending.add(event);
  }

  @Override
  public <T> T kept(Object key, Supplier<T> create) {
    @SuppressWarnings("unchecked")
    T kept = (T) registry.getResource(key);
    if (kept == null) {
      kept = create.get();
      registry.putResource(key, kept);
    }
    return kept;
  }

  /** Runs {@code then} with the transaction's outcome ({@link Status}) once it has completed. */
  private void afterCompletion(IntConsumer then) {
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            then.accept(status);
          }
        });
  }
}
