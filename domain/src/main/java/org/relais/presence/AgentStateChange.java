package org.relais.presence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One row of the audit trail of agent states (SPEC C5, E6): who, when, which state, which call. */
@Entity
@Table(name = "agent_state_change")
public class AgentStateChange {

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private Long accountId;

  @Column(name = "agent_id", nullable = false, updatable = false)
  private Long agentId;

  @Column(name = "changed_at", nullable = false, updatable = false)
  private OffsetDateTime changedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private Availability availability;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private Activity activity;

  @Column(name = "call_id", updatable = false)
  private Long callId;

  protected AgentStateChange() {}

  public AgentStateChange(
      Long accountId,
      Long agentId,
      OffsetDateTime changedAt,
      Availability availability,
      Activity activity,
      Long callId) {
    this.accountId = accountId;
    this.agentId = agentId;
    this.changedAt = changedAt;
    this.availability = availability;
    this.activity = activity;
    this.callId = callId;
  }

  public OffsetDateTime getChangedAt() {
    return changedAt;
  }

  public Availability getAvailability() {
    return availability;
  }

  public Activity getActivity() {
    return activity;
  }

  public Long getCallId() {
    return callId;
  }
}
