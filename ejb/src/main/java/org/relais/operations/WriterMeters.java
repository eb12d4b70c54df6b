package org.relais.operations;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How long the engine's writer takes over a batch of switch events, on {@code /metrics}: {@code
 * relais_acd_batch_seconds} from the batch's start to its commit, {@code relais_acd_commit_seconds}
 * from the end of its work to the end of its commit (the flush of its rows and the database's
 * commit). Three clock readings and two updates per batch, on the writer's thread.
 */
@ApplicationScoped
public class WriterMeters {

  @Inject Meters meters;

  private Consumer<Duration> batch;
  private Consumer<Duration> commit;

  @PostConstruct
  void start() {
    batch =
        meters.timer(
            "relais_acd_batch", "A batch of switch events, from its start to its commit", Map.of());
    commit =
        meters.timer(
            "relais_acd_commit",
            "A batch's commit, from the end of its work to the end of its commit",
            Map.of());
  }

  /**
   * Called at the end of a batch's work, inside its transaction: times the batch and its commit
   * once the transaction has committed.
   *
   * @param started {@link System#nanoTime()} at the batch's start
   */
  public void batchWorked(TransactionSynchronizationRegistry transaction, long started) {
    long worked = System.nanoTime();
    transaction.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              long committed = System.nanoTime();
              batch.accept(Duration.ofNanos(committed - started));
              commit.accept(Duration.ofNanos(committed - worked));
            }
          }
        });
  }
}
