package org.relais.bench;

import static org.relais.bench.ApiClient.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The customers a campaign calls, drawn from a seed so that every floor of a run calls the same
 * list: a share of them answer after a few seconds of ringing; of the others, two in five are busy
 * at once and three in five let it ring until their network gives up.
 */
final class Callees {

  /** One customer: its number (E.164, as the engine dials it) and what its phone does. */
  record Callee(String number, String answer, int afterMs) {}

  private final List<Callee> callees;

  private Callees(List<Callee> callees) {
    this.callees = callees;
  }

  static Callees draw(int count, double answerRate, long seed) {
    Random random = new Random(seed);
    List<Callee> callees = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String number = String.format("+3361%07d", i);
      double fate = random.nextDouble();
      if (fate < answerRate) {
        callees.add(new Callee(number, "ANSWER", between(random, 3_000, 8_000)));
      } else if (fate < answerRate + (1 - answerRate) * 0.4) {
        callees.add(new Callee(number, "BUSY", between(random, 1_000, 3_000)));
      } else {
        callees.add(new Callee(number, "NO_ANSWER", between(random, 20_000, 30_000)));
      }
    }
    return new Callees(callees);
  }

  int size() {
    return callees.size();
  }

  /** The campaign's contacts, as {@code POST /api/v1/campaigns/{name}/contacts} takes them. */
  String contactsJson() {
    StringBuilder json = new StringBuilder("[");
    for (Callee callee : callees) {
      json.append(json.length() > 1 ? "," : "").append("{\"number\":\"").append(callee.number()).append("\"}");
    }
    return json.append(']').toString();
  }

  /** Tells the simulated switch how each customer's phone behaves when this account calls it. */
  void configure(ApiClient api, LoadAccount account) throws InterruptedException, ExecutionException {
    ExecutorService setup = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> configured = new ArrayList<>();
      for (Callee callee : callees) {
        configured.add(setup.submit(() -> expect(204, api.send("PUT", account.admin(), LoadAccount.ADMIN_PASSWORD,
            "api/v1/sim/numbers/" + callee.number().replace("+", "%2B"),
            "{\"answer\":\"" + callee.answer() + "\",\"afterMs\":" + callee.afterMs() + "}"))));
      }
      for (Future<?> done : configured) {
        done.get();
      }
    } finally {
      setup.shutdownNow();
    }
  }

  private static int between(Random random, int min, int max) {
    return min + random.nextInt(max - min + 1);
  }
}
