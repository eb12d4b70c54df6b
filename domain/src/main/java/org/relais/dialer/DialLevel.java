package org.relais.dialer;

/**
 * The predictive dialler's pace (beyond the manual, as VICIdial's adaptive drop-rate targeting):
 * how many calls to place per free agent, raised while the abandon rate stays under its limit and
 * agents wait, lowered as soon as it goes over. An abandoned (dropped) call is one answered by the
 * customer with no agent free; the rate is counted per campaign over 30 days.
 */
public final class DialLevel {

  /** One call per free agent: no call is ever placed that no agent waits for. */
  public static final double MIN = 1.0;

  public static final double MAX = 4.0;

  /** How far one adjustment moves the level. */
  static final double STEP = 0.1;

  private DialLevel() {}

  /** Dropped calls among the calls customers answered; 0 before any. */
  public static double abandonRate(long answered, long dropped) {
    long total = answered + dropped;
    return total == 0 ? 0 : (double) dropped / total;
  }

  /**
   * The next level: down a step (or more, the further over) while the rate is over the limit; up a
   * step while under it with agents waiting for calls; else unchanged.
   *
   * @param idleAgents free agents, waiting for a call whatever calls ring for them
   */
  public static double adjust(
      double level, double abandonRate, double maxAbandonRate, int idleAgents) {
    double next = level;
    if (abandonRate > maxAbandonRate) {
      double overshoot = maxAbandonRate == 0 ? 1 : abandonRate / maxAbandonRate;
      next = level - STEP * Math.min(5, Math.ceil(overshoot));
    } else if (idleAgents > 0 && abandonRate < maxAbandonRate * 0.8) {
      next = level + STEP;
    }
    return Math.max(MIN, Math.min(MAX, Math.round(next * 100) / 100.0));
  }

  /**
   * How many more calls to place now, for the free agents at this level, given the calls already
   * being dialled.
   */
  public static int callsToPlace(int freeAgents, int dialling, double level) {
    return Math.max(0, (int) Math.floor(freeAgents * level + 1e-9) - dialling);
  }

  /**
   * How many calls each of a group's predictive campaigns places now, sharing the group's free
   * agents: a call ringing at level 2 holds half an agent, so calls are placed one at a time, each
   * to the campaign with the fewest ringing that still has a contact to call, while the agents
   * cover them. With one campaign this is {@link #callsToPlace(int, int, double)}; with several,
   * each counting all the free agents would place a call per agent per campaign, and drop the
   * surplus.
   *
   * @param ringing each campaign's calls already ringing, no agent chosen yet
   * @param levels each campaign's dial level
   * @param callable the most each campaign can place now (its contacts due that the rules allow)
   */
  public static int[] callsToPlace(int freeAgents, int[] ringing, double[] levels, int[] callable) {
    int[] calls = new int[ringing.length];
    double held = 0;
    for (int i = 0; i < ringing.length; i++) {
      held += ringing[i] / levels[i];
    }
    while (true) {
      int next = -1;
      for (int i = 0; i < ringing.length; i++) {
        boolean fits = held + 1 / levels[i] <= freeAgents + 1e-9;
        if (calls[i] < callable[i]
            && fits
            && (next < 0 || ringing[i] + calls[i] < ringing[next] + calls[next])) {
          next = i;
        }
      }
      if (next < 0) {
        return calls;
      }
      calls[next]++;
      held += 1 / levels[next];
    }
  }
}
