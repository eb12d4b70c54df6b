package org.relais.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relais.presence.Activity;
import org.relais.presence.Availability;

class AgentCountsTest {

  @Test
  void theIdleSplitByAvailabilityTheOthersByActivityAndAllAddUpToTheConnected() {
    AgentCounts counts =
        AgentCounts.NONE
            .with(Availability.AVAILABLE, Activity.IDLE)
            .with(Availability.UNAVAILABLE, Activity.IDLE)
            .with(Availability.UNAVAILABLE, Activity.TALKING)
            .with(Availability.AVAILABLE, Activity.RINGING)
            .with(Availability.AVAILABLE, Activity.DIALING)
            .with(Availability.AVAILABLE, Activity.QUALIFYING)
            .with(Availability.AVAILABLE, Activity.WRAP_UP)
            .with(Availability.UNAVAILABLE, Activity.PENALTY)
            .with(Availability.DISCONNECTED, Activity.IDLE);

    assertThat(counts).isEqualTo(new AgentCounts(1, 3, 3, 1, 8));
  }
}
