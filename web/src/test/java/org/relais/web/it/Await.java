package org.relais.web.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Waiting for what a server does on its own timers (ring timeout, penalty, wrap-up): polls a
 * condition, without a fixed sleep, and fails with what it last saw.
 */
final class Await {

  private Await() {}

  static <T> T until(Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
    Instant until = Instant.now().plus(timeout);
    T last = probe.get();
    while (!done.test(last)) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("still not there after " + timeout + ": " + last);
      }
      pause();
      last = probe.get();
    }
    return last;
  }

  static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
