package org.relais.operations;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.relais.acd.AcdEvents;

/**
 * Takes the engine's committed events off its thread for the operators: the engine only queues each
 * transaction's {@link AcdEvents}, and one thread of this feed counts them ({@link FloorCounters})
 * and logs them ({@link CallLog}). Whatever the operators' side costs, the engine's one writer does
 * not wait for it.
 *
 * <p>Should the feed fall {@value #BACKLOG} transactions behind, later ones are left out of the
 * figures and the log (said once in the log) rather than held in memory or making the engine wait.
 */
@ApplicationScoped
public class OperatorsFeed {

  private static final Logger LOG = Logger.getLogger(OperatorsFeed.class.getName());

  private static final int BACKLOG = 100_000;

  @Resource ManagedThreadFactory threads;

  @Inject FloorCounters counters;

  @Inject CallLog log;

  private final BlockingQueue<AcdEvents> waiting = new LinkedBlockingQueue<>(BACKLOG);
  private final AtomicBoolean fellBehind = new AtomicBoolean();
  private Thread reader;

  /**
   * Made and started with the application, so that it has its resources: the engine's events never
   * make it (they are observed only once it exists), since the recovery announces them before a web
   * module is up, when a bean made for them gets no threads. The recovery's own figures are in its
   * startup line.
   */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
    // Its @PostConstruct has run: the observer only makes the bean.
  }

  @PostConstruct
  void start() {
    reader = threads.newThread(this::readWhileRunning);
    reader.setDaemon(true);
    reader.start();
  }

  @PreDestroy
  void stop() {
    reader.interrupt();
  }

  /** On the engine's thread, after its commit: a queue's offer and nothing more. */
  void committed(@Observes(notifyObserver = Reception.IF_EXISTS) AcdEvents committed) {
    if (!waiting.offer(committed) && fellBehind.compareAndSet(false, true)) {
      LOG.warning(
          "the operators' feed fell behind the engine: events left out of the metrics and the log");
    }
  }

  private void readWhileRunning() {
    while (!Thread.currentThread().isInterrupted()) {
      AcdEvents committed;
      try {
        committed = waiting.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        counters.count(committed.events());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "committed events not counted", e);
      }
      log.write(committed.events());
    }
  }
}
