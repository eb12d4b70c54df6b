package org.relais.operations;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/**
 * How long the engine's writer takes over a batch of switch events, on {@code /metrics}: {@code
 * relais_acd_batch_seconds} from the batch's start to its commit, {@code relais_acd_commit_seconds}
 * from the end of its work to the end of its commit (the flush of its rows and the database's
 * commit). Three clock readings and two updates per batch, on the writer's thread.
 */
@ApplicationScoped
public class WriterMeters {

  @Inject MetricRegistry registry;

  private Timer batch;
  private Timer commit;

  @PostConstruct
  void start() {
    batch =
        registry.timer(
            Metadata.builder()
                .withName("relais_acd_batch")
                .withDescription("A batch of switch events, from its start to its commit")
                .withUnit(MetricUnits.SECONDS)
                .build());
    commit =
        registry.timer(
            Metadata.builder()
                .withName("relais_acd_commit")
                .withDescription(
                    "A batch's commit, from the end of its work to the end of its commit")
                .withUnit(MetricUnits.SECONDS)
                .build());
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
              batch.update(Duration.ofNanos(committed - started));
              commit.update(Duration.ofNanos(committed - worked));
            }
          }
        });
  }
}
