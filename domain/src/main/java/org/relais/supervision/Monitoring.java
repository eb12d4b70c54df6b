package org.relais.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.relais.agent.Agent;
import org.relais.call.Call;
import org.relais.telephony.MonitorMode;

/**
 * A supervisor's phone joined to an agent's call (SPEC X2), from the moment it joins until the
 * supervisor leaves or the call ends: live while {@code endedAt} is null, history after.
 */
@Entity
@Table(name = "monitoring")
public class Monitoring {

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private Long accountId;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "supervisor_id", nullable = false, updatable = false)
  private Agent supervisor;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "agent_id", nullable = false, updatable = false)
  private Agent agent;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "call_id", nullable = false, updatable = false)
  private Call call;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private MonitorMode mode;

  @Column(name = "started_at", nullable = false, updatable = false)
  private OffsetDateTime startedAt;

  @Column(name = "ended_at")
  private OffsetDateTime endedAt;

  @Version private long version;

  protected Monitoring() {}

  public Monitoring(Agent supervisor, Agent agent, Call call, MonitorMode mode, OffsetDateTime at) {
    this.accountId = call.getAccountId();
    this.supervisor = Objects.requireNonNull(supervisor);
    this.agent = Objects.requireNonNull(agent);
    this.call = call;
    this.mode = Objects.requireNonNull(mode);
    this.startedAt = Objects.requireNonNull(at);
  }

  public void change(MonitorMode next) {
    this.mode = Objects.requireNonNull(next);
  }

  public void end(OffsetDateTime at) {
    this.endedAt = Objects.requireNonNull(at);
  }

  public Long getId() {
    return id;
  }

  public Long getAccountId() {
    return accountId;
  }

  public Agent getSupervisor() {
    return supervisor;
  }

  public Agent getAgent() {
    return agent;
  }

  public Call getCall() {
    return call;
  }

  public MonitorMode getMode() {
    return mode;
  }

  public OffsetDateTime getStartedAt() {
    return startedAt;
  }

  public OffsetDateTime getEndedAt() {
    return endedAt;
  }
}
