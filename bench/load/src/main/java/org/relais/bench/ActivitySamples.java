package org.relais.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A floor's agents as the supervision API shows them, sampled every second and tallied by minute
 * of the run: how many agent-seconds each activity took among the connected agents.
 */
final class ActivitySamples {

  private static final Pattern ACTIVITY = Pattern.compile("\"activity\":\"(\\w+)\"");
  private static final Pattern AVAILABILITY = Pattern.compile("\"availability\":\"(\\w+)\"");

  /** The activities of an agent at work on a call: talking, then qualifying and wrapping it up. */
  private static final String[] OCCUPIED = {"TALKING", "QUALIFYING", "WRAP_UP"};

  private final Map<String, Long>[] byMinute;
  private final long[] connected;

  @SuppressWarnings("unchecked")
  ActivitySamples(int minutes) {
    byMinute = new Map[minutes];
    connected = new long[minutes];
    for (int m = 0; m < minutes; m++) {
      byMinute[m] = new HashMap<>();
    }
  }

  /** One sample: {@code GET /api/v1/supervision/agents}'s answer. */
  synchronized void add(int minute, String agents) {
    for (Matcher m = AVAILABILITY.matcher(agents); m.find(); ) {
      if (!m.group(1).equals("DISCONNECTED")) {
        connected[minute]++;
      }
    }
    for (Matcher m = ACTIVITY.matcher(agents); m.find(); ) {
      byMinute[minute].merge(m.group(1), 1L, Long::sum);
    }
  }

  /** Share of the connected agents' time spent on calls, in that minute. */
  synchronized double occupancy(int minute) {
    return occupancy(minute, minute + 1);
  }

  /** Share of the connected agents' time spent on calls, over the run. */
  synchronized double occupancy() {
    return occupancy(0, byMinute.length);
  }

  /** Share of the connected agents' time spent in this activity, over the run. */
  synchronized double share(String activity) {
    long in = 0;
    long all = 0;
    for (int m = 0; m < byMinute.length; m++) {
      in += byMinute[m].getOrDefault(activity, 0L);
      all += connected[m];
    }
    return all == 0 ? Double.NaN : (double) in / all;
  }

  private double occupancy(int from, int to) {
    long busy = 0;
    long all = 0;
    for (int m = from; m < to; m++) {
      for (String activity : OCCUPIED) {
        busy += byMinute[m].getOrDefault(activity, 0L);
      }
      all += connected[m];
    }
    return all == 0 ? Double.NaN : (double) busy / all;
  }
}
