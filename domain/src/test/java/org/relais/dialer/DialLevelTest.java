package org.relais.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DialLevelTest {

  @Test
  void theLevelGoesDownWhenTooManyCallsDropAndUpWhileAgentsWait() {
    assertThat(DialLevel.adjust(2.0, 0.06, 0.03, 3)).isLessThan(2.0);
    assertThat(DialLevel.adjust(2.0, 0.01, 0.03, 3)).isEqualTo(2.1);
    assertThat(DialLevel.adjust(2.0, 0.01, 0.03, 0)).isEqualTo(2.0);
    assertThat(DialLevel.adjust(1.0, 0.5, 0.03, 3)).isEqualTo(DialLevel.MIN);
    assertThat(DialLevel.adjust(DialLevel.MAX, 0, 0.03, 3)).isEqualTo(DialLevel.MAX);
  }

  @Test
  void callsArePlacedForFreeAgentsAtTheLevel() {
    assertThat(DialLevel.callsToPlace(4, 0, 1.0)).isEqualTo(4);
    assertThat(DialLevel.callsToPlace(4, 3, 2.5)).isEqualTo(7);
    assertThat(DialLevel.callsToPlace(1, 5, 2.0)).isZero();
    assertThat(DialLevel.abandonRate(97, 3)).isEqualTo(0.03);
    assertThat(DialLevel.abandonRate(0, 0)).isZero();
  }

  @Test
  void campaignsOfOneGroupShareItsFreeAgentsInsteadOfEachCountingThemAll() {
    int[] unlimited = {100, 100};
    assertThat(DialLevel.callsToPlace(1, new int[] {0, 0}, new double[] {2, 2}, unlimited))
        .containsExactly(1, 1);
    assertThat(DialLevel.callsToPlace(1, new int[] {2, 0}, new double[] {2, 2}, unlimited))
        .containsExactly(0, 0);
    assertThat(DialLevel.callsToPlace(3, new int[] {1, 0}, new double[] {1, 1.5}, unlimited))
        .containsExactly(1, 1);
    assertThat(DialLevel.callsToPlace(2, new int[] {0, 0}, new double[] {1, 1}, new int[] {0, 5}))
        .containsExactly(0, 2);
  }

  @Test
  void oneCampaignAloneCallsAsManyAsItsLevelSays() {
    for (int agents = 0; agents < 6; agents++) {
      for (int ringing = 0; ringing < 8; ringing++) {
        for (int tenths = 10; tenths <= 40; tenths++) {
          double level = tenths / 10.0;
          assertThat(
                  DialLevel.callsToPlace(
                      agents, new int[] {ringing}, new double[] {level}, new int[] {1000})[0])
              .as("%d agents, %d ringing, level %.1f", agents, ringing, level)
              .isEqualTo(DialLevel.callsToPlace(agents, ringing, level));
        }
      }
    }
  }

  /**
   * A floor of 20 agents calling a list where 30% of the calls are answered, after 15 s of ringing,
   * for 2 minutes of talk and 10 s of wrap-up, over 4 hours: the level adapts so that the abandon
   * rate stays under 3%, and the agents spend more of their time busy than at one call per free
   * agent (figures of this run: 2.4% abandoned, 78% busy against 71%).
   */
  @Test
  void onASimulatedFloorTheAbandonRateStaysUnderItsLimitAndOccupancyRises() {
    Floor predictive = Floor.run(true, 0.03);
    Floor oneByOne = Floor.run(false, 0.03);

    assertThat(predictive.abandonRate()).isLessThanOrEqualTo(0.03);
    assertThat(oneByOne.abandonRate()).isZero();
    assertThat(predictive.occupancy()).isGreaterThan(oneByOne.occupancy() + 0.05);
    System.out.printf(
        "FIGURES %.4f %.4f %.4f %d%n",
        predictive.abandonRate(),
        predictive.occupancy(),
        oneByOne.occupancy(),
        predictive.answered);
  }

  /** A second-by-second simulation of agents and the calls dialled for them. */
  private static final class Floor {
    static final int AGENTS = 20;
    static final int SECONDS = 4 * 3600;
    static final int RING = 15;
    static final double ANSWER_RATE = 0.3;
    static final int TALK = 120;
    static final int WRAP_UP = 10;

    final Random random = new Random(42);
    final int[] busyUntil = new int[AGENTS];
    final List<Integer> ringingUntil = new ArrayList<>();
    long answered;
    long dropped;
    long talking;

    static Floor run(boolean adaptive, double maxAbandonRate) {
      Floor floor = new Floor();
      double level = DialLevel.MIN;
      for (int t = 0; t < SECONDS; t++) {
        floor.second(t, level);
        if (adaptive && t % 30 == 0) {
          level = DialLevel.adjust(level, floor.abandonRate(), maxAbandonRate, floor.free(t));
        }
      }
      return floor;
    }

    void second(int t, double level) {
      List<Integer> stillRinging = new ArrayList<>();
      for (int until : ringingUntil) {
        if (until > t) {
          stillRinging.add(until);
        } else if (random.nextDouble() < ANSWER_RATE) {
          int agent = freeAgent(t);
          if (agent < 0) {
            dropped++;
          } else {
            answered++;
            busyUntil[agent] = t + (int) (TALK * -Math.log(1 - random.nextDouble())) + WRAP_UP;
          }
        }
      }
      ringingUntil.clear();
      ringingUntil.addAll(stillRinging);
      for (int i = DialLevel.callsToPlace(free(t), ringingUntil.size(), level); i > 0; i--) {
        ringingUntil.add(t + RING);
      }
      talking += AGENTS - free(t);
    }

    int free(int t) {
      int free = 0;
      for (int until : busyUntil) {
        free += until <= t ? 1 : 0;
      }
      return free;
    }

    int freeAgent(int t) {
      for (int i = 0; i < AGENTS; i++) {
        if (busyUntil[i] <= t) {
          return i;
        }
      }
      return -1;
    }

    double abandonRate() {
      return DialLevel.abandonRate(answered, dropped);
    }

    double occupancy() {
      return (double) talking / ((long) AGENTS * SECONDS);
    }
  }
}
