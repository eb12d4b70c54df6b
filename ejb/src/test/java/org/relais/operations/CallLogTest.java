package org.relais.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relais.account.AccountNames;
import org.relais.acd.AcdEvent;
import org.relais.acd.AcdEvent.AgentState;
import org.relais.acd.AcdEvent.CallAnswered;
import org.relais.acd.AcdEvent.CallDialing;
import org.relais.acd.AcdEvent.CallDropped;
import org.relais.acd.AcdEvent.CallQueued;
import org.relais.acd.AcdEvent.QueueChanged;
import org.relais.presence.Activity;
import org.relais.presence.Availability;

class CallLogTest {

  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-02T09:00:00+01:00");

  private final CallLog log = new CallLog();

  CallLogTest() {
    log.accounts =
        new AccountNames() {
          @Override
          public long idOf(String name) {
            return 7;
          }

          @Override
          public Optional<Long> knownId(String name) {
            return Optional.of(7L);
          }

          @Override
          public String nameOf(long id) {
            return "acme";
          }
        };
  }

  private String text(AcdEvent event) {
    LogLine line = log.lineOf(event);
    return line == null ? null : line.text();
  }

  private static AgentState state(Availability availability, Activity activity) {
    return new AgentState(7, AT, 3, "alice", availability, activity);
  }

  @Test
  void anArrivedCallIsLoggedWithItsAccountIdGroupAndMaskedCaller() {
    assertThat(text(new CallQueued(7, AT, 42, "Sales", "0612345678")))
        .isEqualTo("call arrived account=acme call=42 group=Sales caller=****5678");
    assertThat(text(new CallAnswered(7, AT, 42, "alice")))
        .isEqualTo("call answered account=acme call=42 agent=alice");
  }

  @Test
  void anAgentIsLoggedConnectedOnceThenDisconnectedNotAtEachChangeOfState() {
    assertThat(text(state(Availability.UNAVAILABLE, Activity.IDLE)))
        .isEqualTo("agent connected account=acme agent=alice");
    assertThat(text(state(Availability.AVAILABLE, Activity.IDLE))).isNull();
    assertThat(text(state(Availability.AVAILABLE, Activity.RINGING))).isNull();
    assertThat(text(state(Availability.DISCONNECTED, Activity.IDLE)))
        .isEqualTo("agent disconnected account=acme agent=alice");
    assertThat(text(state(Availability.UNAVAILABLE, Activity.IDLE)))
        .isEqualTo("agent connected account=acme agent=alice");
  }

  @Test
  void aDialledCallShowsOnlyTheLastDigitsOfTheNumber() {
    assertThat(text(new CallDialing(7, AT, 43, "Sales", "alice", "+33612345678")))
        .isEqualTo("call dialled account=acme call=43 group=Sales agent=alice number=****5678");
  }

  @Test
  void aDroppedPredictiveCallNamesItsCampaignAndOnlyTheLastDigits() {
    assertThat(text(new CallDropped(7, AT, 44, "Relance", "+33612345678")))
        .isEqualTo("call dropped account=acme call=44 campaign=Relance number=****5678");
  }

  @Test
  void queueCountsAreNoEventForTheLog() {
    assertThat(text(new QueueChanged(7, AT, "Sales"))).isNull();
  }
}
