package org.relais.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Who listened to which recording, and when (SPEC B13): the audit trail outlives the recording,
 * which retention deletes, so it names the recording and its call by id only.
 */
@Entity
@Table(name = "recording_heard")
public class RecordingHeard {

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(name = "recording_id", nullable = false)
  private long recordingId;

  @Column(name = "call_id", nullable = false)
  private long callId;

  /** The listener's login, kept as it was. */
  @Column(name = "heard_by", nullable = false, length = 64)
  private String heardBy;

  @Column(name = "heard_at", nullable = false)
  private OffsetDateTime heardAt;

  protected RecordingHeard() {}

  public RecordingHeard(Recording recording, String heardBy, OffsetDateTime heardAt) {
    this.accountId = recording.getAccountId();
    this.recordingId = recording.getId();
    this.callId = recording.getCall().getId();
    this.heardBy = heardBy;
    this.heardAt = heardAt;
  }

  public long getRecordingId() {
    return recordingId;
  }

  public String getHeardBy() {
    return heardBy;
  }

  public OffsetDateTime getHeardAt() {
    return heardAt;
  }
}
