package org.relais.web.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Changes are coalesced per account: at most one flush an interval, a snapshot for new sockets. */
class DeskFeedTest {

  private static final Duration INTERVAL = Duration.ofMillis(250);

  private Instant now = Instant.parse("2026-12-03T09:00:00Z");

  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private final DeskFeed feed = new DeskFeed(clock, INTERVAL);

  private void pass(long millis) {
    now = now.plusMillis(millis);
  }

  @Test
  void aChangeAfterAQuietSpellGoesOutAtOnce() {
    assertThat(feed.changed(7, List.of(1L), false, List.of())).contains(Duration.ZERO);
  }

  @Test
  void changesWhileAFlushIsScheduledJoinItAndScheduleNothingMore() {
    feed.changed(7, List.of(1L), false, List.of());

    assertThat(feed.changed(7, List.of(2L), true, List.of(100L))).isEmpty();
    assertThat(feed.changed(7, List.of(1L), false, List.of(101L))).isEmpty();

    DeskFeed.Changes changes = feed.take(7);
    assertThat(changes.agents()).containsExactlyInAnyOrder(1L, 2L);
    assertThat(changes.queues()).isTrue();
    assertThat(changes.calls()).containsExactlyInAnyOrder(100L, 101L);
    assertThat(changes.snapshot()).isFalse();
  }

  @Test
  void afterAFlushTheNextWaitsTheRestOfTheInterval() {
    feed.changed(7, List.of(1L), false, List.of());
    feed.take(7);
    pass(100);

    assertThat(feed.changed(7, List.of(2L), false, List.of())).contains(Duration.ofMillis(150));
    pass(150);
    assertThat(feed.take(7).agents()).containsExactly(2L);

    pass(400);
    assertThat(feed.changed(7, List.of(3L), false, List.of())).contains(Duration.ZERO);
  }

  @Test
  void aFlushTakesWhatChangedSinceTheLastOnly() {
    feed.changed(7, List.of(1L), true, List.of(100L));
    feed.take(7);

    DeskFeed.Changes nothing = feed.take(7);

    assertThat(nothing.agents()).isEmpty();
    assertThat(nothing.queues()).isFalse();
    assertThat(nothing.calls()).isEmpty();
  }

  @Test
  void accountsAreCoalescedApart() {
    feed.changed(7, List.of(1L), false, List.of());
    feed.take(7);

    assertThat(feed.changed(8, List.of(5L), false, List.of())).contains(Duration.ZERO);
    assertThat(feed.take(8).agents()).containsExactly(5L);
    assertThat(feed.take(7).agents()).isEmpty();
  }

  @Test
  void anOpenedSocketHearsASnapshotAtTheNextFlushAlongsideTheChanges() {
    feed.changed(7, List.of(1L), false, List.of());
    feed.take(7);
    pass(50);

    assertThat(feed.resync(7, "7:2")).contains(Duration.ofMillis(200));
    assertThat(feed.changed(7, List.of(3L), false, List.of())).isEmpty();

    DeskFeed.Changes changes = feed.take(7);
    assertThat(changes.snapshot()).isTrue();
    assertThat(changes.resync()).isEqualTo(Set.of("7:2"));
    assertThat(changes.agents()).containsExactly(3L);
    assertThat(feed.take(7).snapshot()).isFalse();
  }

  @Test
  void nothingChangedSchedulesNothing() {
    assertThat(feed.changed(7, List.of(), false, List.of())).isEmpty();
  }

  @Test
  void aForgottenAccountStartsQuiet() {
    feed.changed(7, List.of(1L), false, List.of());
    feed.take(7);
    feed.forget(7);

    assertThat(feed.changed(7, List.of(1L), false, List.of())).contains(Duration.ZERO);
  }
}
