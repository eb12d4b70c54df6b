package org.relais.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The audit trail of what supervisors and admins did to agents (SPEC E5, X2): who, to whom, what,
 * when. Written in the same transaction as the action itself; never changed.
 */
@Entity
@Table(name = "supervisor_action")
public class SupervisorAction {

  /** What was done. */
  public enum Kind {
    FORCE_AVAILABLE,
    FORCE_UNAVAILABLE,
    DISCONNECT,
    LISTEN,
    WHISPER,
    BARGE,
    MONITOR_END,
    /** The agent's inbound or outbound part in one of its groups, changed for it. */
    CHANGE_GROUP
  }

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @Column(name = "account_id", nullable = false, updatable = false)
  private Long accountId;

  @Column(name = "acted_at", nullable = false, updatable = false)
  private OffsetDateTime at;

  /** The login of the supervisor or admin, or {@code token:<name>} for an API token. */
  @Column(name = "by_login", nullable = false, length = 80, updatable = false)
  private String by;

  @Column(name = "agent_login", nullable = false, length = 64, updatable = false)
  private String agent;

  @Column(nullable = false, length = 24, updatable = false)
  private String kind;

  @Column(name = "call_id", updatable = false)
  private Long callId;

  /** What was changed, where the kind alone does not say: e.g. {@code Sales: inbound off}. */
  @Column(length = 120, updatable = false)
  private String detail;

  protected SupervisorAction() {}

  public SupervisorAction(
      long accountId, OffsetDateTime at, String by, String agent, Kind kind, Long callId) {
    this(accountId, at, by, agent, kind, callId, null);
  }

  public SupervisorAction(
      long accountId,
      OffsetDateTime at,
      String by,
      String agent,
      Kind kind,
      Long callId,
      String detail) {
    this.accountId = accountId;
    this.at = Objects.requireNonNull(at);
    this.by = Objects.requireNonNull(by);
    this.agent = Objects.requireNonNull(agent);
    this.kind = kind.name();
    this.callId = callId;
    this.detail = detail;
  }

  public OffsetDateTime getAt() {
    return at;
  }

  public String getBy() {
    return by;
  }

  public String getAgent() {
    return agent;
  }

  public Kind getKind() {
    return Kind.valueOf(kind);
  }

  public Long getCallId() {
    return callId;
  }

  public String getDetail() {
    return detail;
  }
}
