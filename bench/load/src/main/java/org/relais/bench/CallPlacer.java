package org.relais.bench;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places calls in a load account's group at a steady rate through the simulated switch, over
 * kept-alive connections, each call due at its own moment whatever the server's pace.
 */
final class CallPlacer {

  /** What becomes of one placed call. */
  interface Placed {
    /** The server's answer to the call due at {@code due} (System.nanoTime()). */
    void answered(KeepAliveConnection.Reply reply, long due);
  }

  private final String base;
  private final String authorization;

  CallPlacer(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /**
   * Places {@code rate} calls a second for {@code seconds}, then waits for the last answers.
   *
   * @return the calls whose request failed
   */
  int place(int rate, int seconds, Placed placed) throws InterruptedException {
    ExecutorService callers = Executors.newFixedThreadPool(64);
    ThreadLocal<KeepAliveConnection> connections =
        ThreadLocal.withInitial(() -> new KeepAliveConnection(URI.create(base)));
    AtomicInteger failed = new AtomicInteger();
    long start = System.nanoTime();
    int total = rate * seconds;
    for (int i = 0; i < total; i++) {
      long due = start + (long) (i * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String caller = String.format("06%08d", i);
      callers.submit(() -> {
        try {
          placed.answered(connections.get().postJson("api/v1/sim/calls", authorization,
              "{\"group\":\"" + LoadAccount.GROUP + "\",\"caller\":\"" + caller + "\"}"), due);
        } catch (Exception e) {
          failed.incrementAndGet();
        }
      });
    }
    callers.shutdown();
    callers.awaitTermination(5, TimeUnit.MINUTES);
    return failed.get();
  }
}
