package org.relais.bench;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The predictive dialler against its baseline, side by side in one run on the simulated switch: two
 * floors of the same size, each in an account of its own, call the same list of customers (a share
 * answers after a few seconds of ringing, the others are busy or never answer), one campaign in
 * {@code PREDICTIVE} mode, the other in {@code AUTOMATIC} mode (one call per free agent, the
 * agent's phone first). The agents talk 30 to 90 s, hang up and qualify the call 3 to 8 s later.
 *
 * <p>Reports, for each floor, the agents' occupancy (the share of their connected time spent
 * talking or qualifying, from the supervision API sampled every second), the calls placed, answered
 * and dropped, the abandon rate (dropped among the calls customers answered), and by minute the
 * predictive campaign's dial level and abandon rate as the engine counts them.
 *
 * <p>Usage: {@code java -cp load.jar org.relais.bench.PredictiveDriver <base-url>
 * <operator-password> [seconds] [agents] [contacts] [answer-rate]}, by default 600 s, 20 agents,
 * 3,000 contacts, 0.3.
 */
public final class PredictiveDriver {

  /** The same customers and talk times in every run. */
  private static final long SEED = 20261204;

  /** Long enough for the last calls placed to ring out and their conversations to end. */
  private static final long SETTLING_SECONDS = 180;

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: java -cp load.jar org.relais.bench.PredictiveDriver <base-url> <operator-password>"
          + " [seconds] [agents] [contacts] [answer-rate]");
      System.exit(2);
    }
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 600;
    int agents = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int contacts = args.length > 4 ? Integer.parseInt(args[4]) : 3_000;
    double answerRate = args.length > 5 ? Double.parseDouble(args[5]) : 0.3;
    run(new ApiClient(args[0]), args[1], seconds, agents, contacts, answerRate);
    System.exit(0);
  }

  private static void run(ApiClient api, String operatorPassword, int seconds, int agents, int contacts,
      double answerRate) throws Exception {
    int minutes = (seconds + 59) / 60;
    Callees callees = Callees.draw(contacts, answerRate, SEED);
    ScheduledExecutorService hands = Executors.newScheduledThreadPool(4);
    List<DiallingFloor> floors = List.of(
        DiallingFloor.open(api, operatorPassword, "PREDICTIVE", agents, minutes, callees, hands, SEED),
        DiallingFloor.open(api, operatorPassword, "AUTOMATIC", agents, minutes, callees, hands, SEED));
    for (DiallingFloor floor : floors) {
      floor.follow();
    }

    System.out.printf("%d agents a floor, %d contacts, %.0f%% answering; running %d s%n",
        agents, callees.size(), answerRate * 100, seconds);
    Optional<MachineCpu> cpuBefore = MachineCpu.read();
    long start = System.nanoTime();
    for (DiallingFloor floor : floors) {
      floor.activate(true, start);
    }
    int late = 0;
    for (int second = 0; second < seconds; second++) {
      long due = start + TimeUnit.SECONDS.toNanos(second);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      } else if (wait < -TimeUnit.SECONDS.toNanos(1)) {
        late++; // the sampling fell a second behind: this second goes unsampled
        continue;
      }
      int minute = second / 60;
      for (DiallingFloor floor : floors) {
        floor.sample(minute);
      }
      if (second % 60 == 59 || second == seconds - 1) {
        for (DiallingFloor floor : floors) {
          floor.minuteEnded(minute);
        }
      }
    }
    Optional<MachineCpu> cpuAfter = MachineCpu.read();
    for (DiallingFloor floor : floors) {
      floor.activate(false, start);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLING_SECONDS);
    while (!floors.stream().allMatch(DiallingFloor::settled) && System.nanoTime() < deadline) {
      TimeUnit.SECONDS.sleep(1);
    }

    report(floors, minutes, seconds - late, seconds);
    if (cpuBefore.isPresent() && cpuAfter.isPresent()) {
      System.out.printf("machine busy during the run: %.2f of %d cores (every process, driver included)%n",
          cpuAfter.get().coresBusySince(cpuBefore.get()), Runtime.getRuntime().availableProcessors());
    }
    hands.shutdownNow();
  }

  private static void report(List<DiallingFloor> floors, int minutes, int sampled, int seconds) {
    DiallingFloor predictive = floors.get(0);
    DiallingFloor automatic = floors.get(1);
    System.out.println();
    // The engine counts a call put through once it ends, a dropped one at once: beside its rate, the
    // rate so far of every call answered, from the events.
    System.out.println("minute | predictive: level, abandon rate (engine; so far), placed, answered, dropped,"
        + " occupancy | automatic: placed, answered, occupancy");
    int answeredSoFar = 0;
    int droppedSoFar = 0;
    for (int m = 0; m < minutes; m++) {
      answeredSoFar += predictive.answered(m);
      droppedSoFar += predictive.dropped(m);
      System.out.printf("%6d | %4.1f %5.1f%% %5.1f%% %5d %5d %4d %6.1f%% | %5d %5d %6.1f%%%n", m + 1,
          predictive.dialLevel(m), 100 * predictive.abandonRate(m),
          100.0 * droppedSoFar / Math.max(1, answeredSoFar + droppedSoFar), predictive.placed(m),
          predictive.answered(m), predictive.dropped(m), 100 * predictive.activity().occupancy(m),
          automatic.placed(m), automatic.answered(m), 100 * automatic.activity().occupancy(m));
    }
    System.out.printf("after the end: predictive answered %d, dropped %d; automatic answered %d%n",
        predictive.answered(minutes), predictive.dropped(minutes), automatic.answered(minutes));
    System.out.println();
    for (DiallingFloor floor : floors) {
      ActivitySamples activity = floor.activity();
      double lowest = Double.MAX_VALUE;
      double highest = 0;
      for (int m = 0; m < minutes; m++) {
        lowest = Math.min(lowest, activity.occupancy(m));
        highest = Math.max(highest, activity.occupancy(m));
      }
      System.out.printf("%s: occupancy %.1f%% (by minute %.1f to %.1f%%): talking %.1f%%, qualifying %.1f%%,"
              + " idle %.1f%%, dialling %.1f%%, ringing %.1f%%%n",
          floor.mode(), 100 * activity.occupancy(), 100 * lowest, 100 * highest, 100 * activity.share("TALKING"),
          100 * activity.share("QUALIFYING"), 100 * activity.share("IDLE"), 100 * activity.share("DIALING"),
          100 * activity.share("RINGING"));
      String stats = floor.stats();
      double answered = DiallingFloor.number(stats, "answered");
      double dropped = DiallingFloor.number(stats, "dropped");
      System.out.printf("%s: attempts %.0f, answered %.0f, dropped %.0f, busy %.0f, no answer %.0f;"
              + " abandon rate %.2f%% (dropped / (answered + dropped); the campaign's stats say %.2f%%);"
              + " hang-ups and qualifications refused %d%n",
          floor.mode(), DiallingFloor.number(stats, "attempts"), answered, dropped,
          DiallingFloor.number(stats, "busy"), DiallingFloor.number(stats, "noAnswer"),
          answered + dropped == 0 ? 0 : 100 * dropped / (answered + dropped),
          100 * DiallingFloor.number(stats, "abandonRate"), floor.agents().refused());
      if (!floor.settled()) {
        System.out.printf("%s: some calls had not ended %d s after the run: the figures above miss them%n",
            floor.mode(), SETTLING_SECONDS);
      }
    }
    System.out.printf("predictive / automatic: occupancy %.2f, calls put through to an agent %.2f%n",
        predictive.activity().occupancy() / automatic.activity().occupancy(),
        DiallingFloor.number(predictive.stats(), "answered") / DiallingFloor.number(automatic.stats(), "answered"));
    System.out.printf("seconds sampled: %d of %d%n", sampled, seconds);
  }
}
