package org.relais.acd;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.acd.Acd.Arrival;
import org.relais.acd.Acd.Phone;
import org.relais.acd.Acd.Subject;
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

  private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
  private Thread applier;

  /**
   * One event, what it is about (if the engine can tell ahead), and the answer its reporting thread
   * waits for.
   */
  private record Pending(
      Function<Acd, Object> event, Subject subject, CompletableFuture<Object> answer) {}

  @PostConstruct
  void start() {
    applier = threads.newThread(this::applyWhileRunning);
    applier.setDaemon(true);
    applier.start();
  }

  @PreDestroy
  void stop() {
    applier.interrupt();
    for (Pending pending : waiting) {
      pending.answer().completeExceptionally(new IllegalStateException("the ACD is stopping"));
    }
  }

  @Override
  public long inboundCall(String account, String group, String caller, String ivrPath) {
    return (Long)
        ask(new Arrival(account, group), acd -> acd.inboundCall(account, group, caller, ivrPath));
  }

  @Override
  public void answered(String account, String extension) {
    tell(new Phone(account, extension), acd -> acd.answered(account, extension));
  }

  @Override
  public void refused(String account, String extension) {
    tell(new Phone(account, extension), acd -> acd.refused(account, extension));
  }

  @Override
  public void agentHungUp(String account, String extension) {
    tell(new Phone(account, extension), acd -> acd.agentHungUp(account, extension));
  }

  @Override
  public void callerHungUp(String account, long callId) {
    tell(null, acd -> acd.callerHungUp(account, callId));
  }

  @Override
  public void outboundAnswered(String account, long callId) {
    tell(null, acd -> acd.outboundAnswered(account, callId));
  }

  @Override
  public void outboundFailed(String account, long callId, DialFailure failure) {
    tell(null, acd -> acd.outboundFailed(account, callId, failure));
  }

  private void tell(Subject subject, Consumer<Acd> event) {
    ask(
        subject,
        acd -> {
          event.accept(acd);
          return null;
        });
  }

  private Object ask(Subject subject, Function<Acd, Object> event) {
    if (Thread.currentThread() == applier) {
      // A switch command run after a commit that reports straight back: waiting for the applier
      // from the applier itself would never end.
      return applyAlone(event);
    }
    Pending pending = new Pending(event, subject, new CompletableFuture<>());
    waiting.add(pending);
    try {
      return pending.answer().get();
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
    List<Pending> batch = new ArrayList<>();
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
        batch.forEach(pending -> pending.answer().completeExceptionally(e));
      }
      batch.clear();
    }
  }

  private void apply(List<Pending> batch) {
    if (batch.size() > 1 && applyTogether(batch)) {
      return;
    }
    for (Pending pending : batch) {
      try {
        pending.answer().complete(applyAlone(pending.event()));
      } catch (RuntimeException e) {
        pending.answer().completeExceptionally(e);
      }
    }
  }

  private Object applyAlone(Function<Acd, Object> event) {
    return acd.applyAll(List.of(event), List.of()).get(0);
  }

  /** Applies the batch in one transaction; false if an event failed and all rolled back. */
  private boolean applyTogether(List<Pending> batch) {
    List<Object> answers;
    try {
      answers =
          acd.applyAll(
              batch.stream().map(Pending::event).toList(),
              batch.stream().map(Pending::subject).filter(Objects::nonNull).toList());
    } catch (RuntimeException rolledBack) {
      return false;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).answer().complete(answers.get(i));
    }
    return true;
  }
}
