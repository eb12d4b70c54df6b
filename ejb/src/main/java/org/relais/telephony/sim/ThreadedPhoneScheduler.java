package org.relais.telephony.sim;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The simulated phones' own threads. The container's scheduled executor would do, but it runs one
 * thread by default and captures the caller's context for each task (a class path scan). Each
 * action waits for the commit of its event: a load run's phones need many threads, or they would
 * wait on each other rather than on the engine.
 */
@ApplicationScoped
public class ThreadedPhoneScheduler implements PhoneScheduler {

  private static final int PHONE_THREADS = 32;

  @Resource ManagedThreadFactory threads;
  private ScheduledExecutorService scheduler;

  /**
   * Made with the application, threads and all, so that they have its context: a bean first made on
   * an engine's timer (a predictive round dialling before any request reached a phone) gets no
   * managed thread factory, and a thread the pool makes there, none of the application's beans.
   */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
    // Its @PostConstruct has run: the observer only makes the bean.
  }

  @PostConstruct
  void start() {
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(PHONE_THREADS, threads);
    pool.prestartAllCoreThreads();
    scheduler = pool;
  }

  @PreDestroy
  void stop() {
    scheduler.shutdownNow();
  }

  @Override
  public void after(Duration delay, Runnable action) {
    scheduler.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
  }
}
