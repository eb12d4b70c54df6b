package org.relais.presence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.relais.agent.Agent;
import org.relais.call.Call;
import org.relais.group.QueueGroup;

/**
 * The live state of one connected agent: availability, activity, the call in hand, the group whose
 * timers run, and the deadline of the running timer. It is the source of truth the engine rebuilds
 * from at startup, so every change is committed before it is announced. The row exists while the
 * agent is connected; {@code call_id} is unique and the row is versioned, so that the database
 * itself refuses a second call for an agent or a second agent for a call.
 */
@Entity
@Table(name = "agent_presence")
public class AgentPresence {

  @Id
  @Column(name = "agent_id")
  private Long agentId;

  @MapsId
  @OneToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "agent_id")
  private Agent agent;

  @Column(name = "account_id", nullable = false, updatable = false)
  private Long accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Availability availability;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Activity activity;

  @OneToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "call_id")
  private Call call;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "group_id")
  private QueueGroup group;

  @Column(name = "state_since", nullable = false)
  private OffsetDateTime stateSince;

  @Column(name = "deadline")
  private OffsetDateTime deadline;

  @Column(name = "idle_since", nullable = false)
  private OffsetDateTime idleSince;

  @Column(name = "session_started", nullable = false)
  private OffsetDateTime sessionStarted;

  /** Whether the agent's phone is registered with the switch: one that is not cannot be rung. */
  @Column(name = "phone_registered", nullable = false)
  private boolean phoneRegistered = true;

  @Version private long version;

  protected AgentPresence() {}

  /**
   * @param phoneRegistered whether the switch holds a registration of the agent's phone now
   */
  public AgentPresence(
      Agent agent, Availability availability, boolean phoneRegistered, OffsetDateTime at) {
    this.agent = Objects.requireNonNull(agent);
    this.accountId = agent.getAccount().getId();
    this.availability = availability;
    this.activity = Activity.IDLE;
    this.stateSince = at;
    this.idleSince = at;
    this.sessionStarted = at;
    this.phoneRegistered = phoneRegistered;
  }

  /**
   * Moves to a new activity: the call and group it concerns (null when none) and the deadline of
   * the timer that ends it (null when no timer runs).
   */
  public void moveTo(
      Activity next, Call withCall, QueueGroup ofGroup, OffsetDateTime until, OffsetDateTime at) {
    if (next == Activity.IDLE && activity != Activity.IDLE) {
      idleSince = at;
    }
    this.activity = next;
    this.call = withCall;
    this.group = ofGroup;
    this.deadline = until;
    this.stateSince = at;
  }

  public void changeAvailability(Availability next, OffsetDateTime at) {
    this.availability = next;
    if (activity == Activity.IDLE) {
      this.stateSince = at;
    }
  }

  /** The switch registered the agent's phone, or lost its registration. */
  public void phoneRegistered(boolean registered) {
    this.phoneRegistered = registered;
  }

  /**
   * Whether the agent can be offered a call at all: its phone registered with the switch (SPEC F2).
   * The agent's state does not change with it: the phone comes back, the offers do too.
   */
  public boolean isPhoneRegistered() {
    return phoneRegistered;
  }

  public Long getAgentId() {
    return agentId;
  }

  public Agent getAgent() {
    return agent;
  }

  public Long getAccountId() {
    return accountId;
  }

  public Availability getAvailability() {
    return availability;
  }

  public Activity getActivity() {
    return activity;
  }

  public Call getCall() {
    return call;
  }

  public QueueGroup getGroup() {
    return group;
  }

  public OffsetDateTime getStateSince() {
    return stateSince;
  }

  public OffsetDateTime getDeadline() {
    return deadline;
  }

  public OffsetDateTime getIdleSince() {
    return idleSince;
  }

  public OffsetDateTime getSessionStarted() {
    return sessionStarted;
  }
}
