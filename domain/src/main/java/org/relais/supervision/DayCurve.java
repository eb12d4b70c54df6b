package org.relais.supervision;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The wallboard's charts over the day (SPEC E5): calls offered, answered and abandoned per quarter
 * of an hour, and the service level of each quarter, from the start of the day up to the quarter
 * under way. A call counts in the quarter it arrived in, as the reports place it in the day it
 * arrived in; each group's calls are judged against its own service level seconds.
 */
public final class DayCurve {

  public static final Duration SLOT = Duration.ofMinutes(15);

  /** One group's calls of the day, and the seconds within which its calls are answered in time. */
  public record GroupCalls(int serviceLevelSeconds, Collection<CallTrace> calls) {}

  /**
   * One quarter of an hour.
   *
   * @param serviceLevel the share (0 to 1) of the quarter's answered calls answered in time; null
   *     while none was answered, as a chart leaves a gap there
   */
  public record Slot(
      OffsetDateTime from, long offered, long answered, long abandoned, Double serviceLevel) {}

  private DayCurve() {}

  /**
   * @param dayStart the first quarter's start, the account's midnight
   * @param now the curve ends with the quarter holding it; calls after it are not counted
   */
  public static List<Slot> of(
      Collection<GroupCalls> groups, OffsetDateTime dayStart, OffsetDateTime now) {
    int slots = now.isBefore(dayStart) ? 0 : index(dayStart, now) + 1;
    long[] offered = new long[slots];
    long[] answered = new long[slots];
    long[] abandoned = new long[slots];
    long[] inTime = new long[slots];
    for (GroupCalls group : groups) {
      for (CallTrace call : group.calls()) {
        if (call.arrivedAt().isBefore(dayStart) || call.arrivedAt().isAfter(now)) {
          continue;
        }
        int i = index(dayStart, call.arrivedAt());
        offered[i]++;
        if (call.answered()) {
          answered[i]++;
        }
        if (call.answeredWithin(group.serviceLevelSeconds())) {
          inTime[i]++;
        }
        if (call.abandoned()) {
          abandoned[i]++;
        }
      }
    }
    List<Slot> curve = new ArrayList<>(slots);
    for (int i = 0; i < slots; i++) {
      curve.add(
          new Slot(
              dayStart.plus(SLOT.multipliedBy(i)),
              offered[i],
              answered[i],
              abandoned[i],
              answered[i] == 0 ? null : (double) inTime[i] / answered[i]));
    }
    return curve;
  }

  private static int index(OffsetDateTime dayStart, OffsetDateTime at) {
    return (int) (Duration.between(dayStart, at).toSeconds() / SLOT.toSeconds());
  }
}
