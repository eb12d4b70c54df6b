package org.relais.web.push;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.faces.event.WebsocketEvent;
import jakarta.faces.push.PushContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.eclipse.microprofile.metrics.Counter;
import org.junit.jupiter.api.Test;
import org.relais.acd.AcdEvent;
import org.relais.acd.AcdEvent.AgentState;
import org.relais.acd.AcdEvent.CallOffered;
import org.relais.acd.AcdEvent.CallQueued;
import org.relais.acd.AcdEvent.QueueChanged;
import org.relais.acd.AcdEvents;
import org.relais.presence.Activity;
import org.relais.presence.Attendance;
import org.relais.presence.Availability;

/**
 * The open banners hear of each committed change once, only their account's, and whether it is
 * their own agent's.
 */
class DeskPushTest {

  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-27T09:00:00Z");

  /** The messages sent on the channel, each with the users it went to. */
  private record Sent(Object message, Set<Object> users) {}

  private final List<Sent> sent = new ArrayList<>();

  private final DeskPush push = new DeskPush();

  /** The messages the push counted for {@code /metrics}. */
  private long messages;

  DeskPushTest() {
    push.attendance = new Attendance(Clock.systemUTC());
    push.pushed =
        new Counter() {
          @Override
          public void inc() {
            inc(1);
          }

          @Override
          public void inc(long n) {
            messages += n;
          }

          @Override
          public long getCount() {
            return messages;
          }
        };
    push.desk =
        new PushContext() {
          @Override
          public Set<Future<Void>> send(Object message) {
            throw new AssertionError("a message to every banner of every account");
          }

          @Override
          public <S extends Serializable> Set<Future<Void>> send(Object message, S user) {
            sent.add(new Sent(message, Set.of(user)));
            return Set.of();
          }

          @Override
          public <S extends Serializable> Map<S, Set<Future<Void>>> send(
              Object message, Collection<S> users) {
            sent.add(new Sent(message, Set.copyOf(users)));
            return Map.of();
          }
        };
  }

  private void open(String user) {
    push.opened(new WebsocketEvent(DeskPush.CHANNEL, user, null));
  }

  private void commit(AcdEvent... events) {
    push.announce(new AcdEvents(List.of(events)));
  }

  private static AcdEvent queued(long accountId, long callId) {
    return new CallQueued(accountId, AT, callId, "Support", "0600000000");
  }

  @Test
  void aTransactionReachesEachOpenBannerOfItsAccountOnceWhateverItsNumberOfEvents() {
    open("7:1");
    open("7:2");
    open("8:5");

    commit(queued(7, 100), new QueueChanged(7, AT, "Support"), queued(7, 101));

    assertThat(sent).containsExactly(new Sent(DeskPush.CHANGED, Set.of("7:1", "7:2")));
    assertThat(messages).isEqualTo(2);
  }

  @Test
  void theBannerOfAnAgentWhoseStateChangedHearsItIsItsOwnChange() {
    open("7:1");
    open("7:2");

    commit(
        queued(7, 100),
        new AgentState(7, AT, 1, "alice", Availability.AVAILABLE, Activity.RINGING),
        new CallOffered(7, AT, 100, "Support", "alice"));

    assertThat(sent)
        .containsExactlyInAnyOrder(
            new Sent(DeskPush.YOURS, Set.of("7:1")), new Sent(DeskPush.CHANGED, Set.of("7:2")));
  }

  @Test
  void aTransactionOfTwoAccountsReachesEachAccountsBannersApart() {
    open("7:1");
    open("8:5");

    commit(queued(7, 100), queued(8, 200), queued(7, 101));

    assertThat(sent)
        .containsExactly(
            new Sent(DeskPush.CHANGED, Set.of("7:1")), new Sent(DeskPush.CHANGED, Set.of("8:5")));
  }

  @Test
  void aClosedBannerOrAnAccountWithoutOneHearsNothing() {
    open("7:1");
    push.closed(new WebsocketEvent(DeskPush.CHANNEL, "7:1", null));

    commit(queued(7, 100), queued(9, 300));

    assertThat(sent).isEmpty();
  }
}
