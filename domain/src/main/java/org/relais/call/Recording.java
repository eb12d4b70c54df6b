package org.relais.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One recording of a call (SPEC B13): from its start to its stop, in a WAV file whose name,
 * relative to the recordings folder, the row keeps. A call may have several (stopped and started
 * again).
 */
@Entity
@Table(name = "recording")
public class Recording {

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private long accountId;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "call_id", nullable = false, updatable = false)
  private Call call;

  @Column(name = "started_at", nullable = false)
  private OffsetDateTime startedAt;

  @Column(name = "stopped_at")
  private OffsetDateTime stoppedAt;

  /** The file, relative to the recordings folder; set once the id is known. */
  @Column(length = 255)
  private String file;

  protected Recording() {}

  public Recording(Call call, OffsetDateTime startedAt) {
    this.call = Objects.requireNonNull(call);
    this.accountId = call.getAccountId();
    this.startedAt = Objects.requireNonNull(startedAt);
  }

  /** Names the file once the row has its id: a folder per account and day. */
  public String nameFile() {
    file = accountId + "/" + startedAt.toLocalDate() + "/" + id + ".wav";
    return file;
  }

  public void stop(OffsetDateTime at) {
    if (stoppedAt != null) {
      throw new IllegalStateException("recording " + id + " has already stopped");
    }
    stoppedAt = at;
  }

  public boolean isRunning() {
    return stoppedAt == null;
  }

  /** Seconds recorded, up to {@code now} while it runs. */
  public long durationSeconds(OffsetDateTime now) {
    OffsetDateTime until = stoppedAt != null ? stoppedAt : now;
    return Math.max(0, Duration.between(startedAt, until).toSeconds());
  }

  public Long getId() {
    return id;
  }

  public long getAccountId() {
    return accountId;
  }

  public Call getCall() {
    return call;
  }

  public OffsetDateTime getStartedAt() {
    return startedAt;
  }

  public OffsetDateTime getStoppedAt() {
    return stoppedAt;
  }

  public String getFile() {
    return file;
  }
}
