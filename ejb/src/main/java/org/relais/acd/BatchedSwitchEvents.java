package org.relais.acd;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.telephony.SwitchEvents;

/**
 * The switch's events, as the telephony adapters report them, applied to the {@link Acd} in
 * batches: one thread takes every event waiting and applies them in one transaction, so that a busy
 * switch pays one commit for many events instead of one each. Each reporting thread waits for the
 * commit that holds its event and then gets its own answer or error, exactly as if it had called
 * the engine alone.
 *
 * <p>Under load, batches start at most every {@code relais.acd.batch-interval-ms}: the events that
 * arrive meanwhile share the next commit. A commit's cost hardly depends on how many events it
 * holds (H2 writes a new chunk of every changed page, PostgreSQL flushes its log), so spacing
 * commits a little bounds their cost per second; an event arriving after a quiet spell is applied
 * at once.
 *
 * <p>A switch that needs no answer tells its events {@link #unawaited()}: its thread goes on at
 * once, and the events it tells while a commit runs share the next one.
 *
 * <p>When an event of a batch fails, the whole batch rolls back and its events are applied again
 * one per transaction, in the same order: only the failing one fails, and nothing a failed event
 * began is kept.
 */
@ApplicationScoped
public class BatchedSwitchEvents extends SwitchEventIntake {

  private static final Logger LOG = Logger.getLogger(BatchedSwitchEvents.class.getName());

  /** Bounds a transaction, and the wait of the first event of the batch for its commit. */
  private static final int MAX_BATCH = 200;

  @Inject Acd acd;

  @Inject
  @ConfigProperty(name = "relais.acd.batch-interval-ms", defaultValue = "5")
  long batchIntervalMs;

  @Resource ManagedThreadFactory threads;

  private final BlockingQueue<Pending<?>> waiting = new LinkedBlockingQueue<>();
  private final SwitchEvents unawaited = new Unawaited();
  private Thread applier;

  /** One event and its reporter, who waits for the commit that holds it. */
  private record Pending<A>(Applied<A> applied, CompletableFuture<A> reporter) {

    Pending(SwitchEvent<A> event) {
      this(new Applied<>(event), new CompletableFuture<>());
    }

    /** Hands the event its answer, once the transaction that holds it has committed. */
    void answer() {
      reporter.complete(applied.answer());
    }

    void fail(Throwable failure) {
      reporter.completeExceptionally(failure);
    }
  }

  /**
   * Made with the application, so that it has its threads: the first event may come from a phone
   * the engine's timer had dial (a predictive round, SPEC B11), on a thread where a bean made then
   * gets no managed thread factory.
   */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
    // Its @PostConstruct has run: the observer only makes the bean.
  }

  @PostConstruct
  void start() {
    applier = threads.newThread(this::applyWhileRunning);
    applier.setDaemon(true);
    applier.start();
  }

  @PreDestroy
  void stop() {
    applier.interrupt();
    for (Pending<?> pending : waiting) {
      pending.fail(new IllegalStateException("the ACD is stopping"));
    }
  }

  /** The reporting thread waits for the commit that holds its event, and gets its answer. */
  @Override
  <A> A take(SwitchEvent<A> event) {
    return ask(event);
  }

  @Override
  public SwitchEvents unawaited() {
    return unawaited;
  }

  /** Queues the event behind the others, its refusal logged: nobody waits for it. */
  private void tell(SwitchEvent<?> event) {
    queue(event)
        .exceptionally(
            refused -> {
              LOG.log(Level.WARNING, "the ACD refused a switch event: " + event, refused);
              return null;
            });
  }

  /** Queues the event behind the others; answers its answer, once its transaction committed. */
  private <A> CompletableFuture<A> queue(SwitchEvent<A> event) {
    Pending<A> pending = new Pending<>(event);
    waiting.add(pending);
    return pending.reporter();
  }

  /** The events told without waiting ({@link SwitchEvents#unawaited()}). */
  private final class Unawaited extends SwitchEventIntake {

    @Override
    public CompletionStage<Long> callArriving(
        String account, String group, String caller, String ivrPath) {
      return queue(new SwitchEvent.InboundCall(account, group, caller, ivrPath));
    }

    /** An arrival still waits for its call's id; the others answer nothing, and go on at once. */
    @Override
    <A> A take(SwitchEvent<A> event) {
      if (event instanceof SwitchEvent.InboundCall) {
        return ask(event);
      }
      tell(event);
      return null;
    }
  }

  private <A> A ask(SwitchEvent<A> event) {
    Pending<A> pending = new Pending<>(event);
    if (Thread.currentThread() == applier) {
      // A switch command run after a commit that reports straight back: waiting for the applier
      // from the applier itself would never end.
      acd.applyAll(List.of(pending.applied()));
      return pending.applied().answer();
    }
    waiting.add(pending);
    try {
      return pending.reporter().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the ACD applied a switch event", e);
    }
  }

  private void applyWhileRunning() {
    List<Pending<?>> batch = new ArrayList<>();
    long interval = TimeUnit.MILLISECONDS.toNanos(batchIntervalMs);
    long lastStart = System.nanoTime() - interval;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        batch.add(waiting.take());
      } catch (InterruptedException e) {
        return;
      }
      long early = lastStart + interval - System.nanoTime();
      if (early > 0) {
        LockSupport.parkNanos(early);
      }
      lastStart = System.nanoTime();
      waiting.drainTo(batch, MAX_BATCH - 1);
      try {
        apply(batch);
      } catch (RuntimeException e) {
        // Not an event's failure (those are answered): the container itself failed.
        LOG.log(Level.SEVERE, "switch events could not be applied", e);
        batch.forEach(pending -> pending.fail(e));
      }
      batch.clear();
    }
  }

  private void apply(List<Pending<?>> batch) {
    if (batch.size() > 1 && applyTogether(batch)) {
      return;
    }
    for (Pending<?> pending : batch) {
      try {
        acd.applyAll(List.of(pending.applied()));
        pending.answer();
      } catch (RuntimeException e) {
        pending.fail(e);
      }
    }
  }

  /** Applies the batch in one transaction; false if an event failed and all rolled back. */
  private boolean applyTogether(List<Pending<?>> batch) {
    try {
      acd.applyAll(batch.stream().map(Pending::applied).toList());
    } catch (RuntimeException rolledBack) {
      return false;
    }
    batch.forEach(Pending::answer);
    return true;
  }
}
