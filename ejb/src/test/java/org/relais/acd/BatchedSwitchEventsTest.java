package org.relais.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relais.call.CallOutcome;
import org.relais.presence.Activity;

/**
 * The switch's events applied several to a transaction: each reporter gets its own answer, or its
 * own failure, as if its event had been applied alone.
 */
class BatchedSwitchEventsTest {

  private final Floorplan floor = new Floorplan();
  private final String sales = floor.group("Sales", settings -> settings);
  private final BatchedSwitchEvents events = new BatchedSwitchEvents();

  BatchedSwitchEventsTest() {
    events.acd =
        new Acd() {
          @Override
          public void applyAll(List<? extends Applied<?>> batch) {
            floor.apply(batch);
          }
        };
    // A long interval, so that the events reported meanwhile share the next batch.
    events.batchIntervalMs = 200;
    events.threads = new Threads();
    events.start();
  }

  @AfterEach
  void stop() {
    events.stop();
  }

  @Test
  void eventsReportedTogetherAreAnsweredEachWithItsOwnAnswer() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);

    CompletableFuture<Long> first =
        CompletableFuture.supplyAsync(
            () -> events.inboundCall(floor.account, sales, "+33601", null));
    CompletableFuture<Long> second =
        CompletableFuture.supplyAsync(
            () -> events.inboundCall(floor.account, sales, "+33602", null));

    assertThat(first.join()).isNotEqualTo(second.join());
    assertThat(floor.activity(alice)).isEqualTo(Activity.RINGING);
  }

  @Test
  void aFailingEventFailsAloneAndTheOthersOfItsBatchAreKept() {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, false);
    long queued = events.inboundCall(floor.account, sales, "+33601", null);

    CompletableFuture<Void> unknownPhone =
        CompletableFuture.runAsync(() -> events.answered(floor.account, "9999"));
    CompletableFuture<Void> abandon =
        CompletableFuture.runAsync(() -> events.callerHungUp(floor.account, queued));

    assertThatThrownBy(unknownPhone::join).hasCauseInstanceOf(DeskConflictException.class);
    abandon.join();
    assertThat(floor.call(queued).getOutcome()).isEqualTo(CallOutcome.ABANDONED);
  }

  @Test
  void eventsToldUnawaitedGoOnAtOnceAndAreAppliedInTheirOrderTogether() throws Exception {
    long alice = floor.agent("alice", "1001", sales);
    floor.connect(alice, true);
    long call =
        events
            .unawaited()
            .callArriving(floor.account, sales, "+33601", null)
            .toCompletableFuture()
            .join();
    assertThat(floor.activity(alice)).as("once its id is known").isEqualTo(Activity.RINGING);

    events.unawaited().answered(floor.account, "1001");
    events.unawaited().callerHungUp(floor.account, call);
    // Back before the applier's next batch (due 200 ms after the arrival's): nothing applied yet.
    assertThat(floor.call(call).getOutcome()).isNull();

    // The answer before the hang-up, as told: answered, not abandoned.
    events.inboundCall(floor.account, sales, "+33602", null);
    assertThat(floor.call(call).getOutcome()).isEqualTo(CallOutcome.ANSWERED);
  }

  /** Plain daemon threads, as the container's factory makes them. */
  private static final class Threads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      return new Thread(task, "switch-events");
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      throw new UnsupportedOperationException("the events' applier is one plain thread");
    }
  }
}
