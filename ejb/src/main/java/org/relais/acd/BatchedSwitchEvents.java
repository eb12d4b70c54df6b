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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.telephony.DialFailure;
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
 * <p>When an event of a batch fails, the whole batch rolls back and its events are applied again
 * one per transaction, in the same order: only the failing one fails, and nothing a failed event
 * began is kept.
 */
@ApplicationScoped
public class BatchedSwitchEvents implements SwitchEvents {

  private static final Logger LOG = Logger.getLogger(BatchedSwitchEvents.class.getName());

  /** Bounds a transaction, and the wait of the first event of the batch for its commit. */
  private static final int MAX_BATCH = 200;

  @Inject Acd acd;

  @Inject
  @ConfigProperty(name = "relais.acd.batch-interval-ms", defaultValue = "5")
  long batchIntervalMs;

  @Resource ManagedThreadFactory threads;

  private final BlockingQueue<Pending<?>> waiting = new LinkedBlockingQueue<>();
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

  @Override
  public long inboundCall(String account, String group, String caller, String ivrPath) {
    return ask(new SwitchEvent.InboundCall(account, group, caller, ivrPath));
  }

  @Override
  public void answered(String account, String extension) {
    ask(new SwitchEvent.Answered(account, extension));
  }

  @Override
  public void refused(String account, String extension) {
    ask(new SwitchEvent.Refused(account, extension));
  }

  @Override
  public void agentHungUp(String account, String extension) {
    ask(new SwitchEvent.AgentHungUp(account, extension));
  }

  @Override
  public void phoneRegistration(String account, String extension, boolean registered) {
    ask(new SwitchEvent.PhoneRegistration(account, extension, registered));
  }

  @Override
  public void callerHungUp(String account, long callId) {
    ask(new SwitchEvent.CallerHungUp(account, callId));
  }

  @Override
  public void callbackRequested(String account, long callId) {
    ask(new SwitchEvent.CallbackRequested(account, callId));
  }

  @Override
  public void monitorLeft(String account, long callId, String supervisorExtension) {
    ask(new SwitchEvent.MonitorLeft(account, callId, supervisorExtension));
  }

  @Override
  public void outboundAnswered(String account, long callId) {
    ask(new SwitchEvent.OutboundAnswered(account, callId));
  }

  @Override
  public void outboundFailed(String account, long callId, DialFailure failure) {
    ask(new SwitchEvent.OutboundFailed(account, callId, failure));
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
