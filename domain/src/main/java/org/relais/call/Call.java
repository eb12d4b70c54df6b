package org.relais.call;

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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.relais.account.Account;
import org.relais.agent.Agent;
import org.relais.group.QueueGroup;

/**
 * One call through the ACD, from its arrival to its end: the call history row (SPEC B6, E6). Its
 * status says where it is now; the timestamps say when each step happened, and give the wait and
 * talk times.
 */
@Entity
@Table(name = "phone_call")
public class Call {

  @Id
  @SequenceGenerator(name = "relais_seq", sequenceName = "relais_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relais_seq")
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  /** The account's id, read with the row: the engine scopes by it without reading the account. */
  @Column(name = "account_id", insertable = false, updatable = false)
  private Long accountId;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "group_id")
  private QueueGroup group;

  /** Kept apart from the group so that history still names a deleted group. */
  @Column(name = "group_name", nullable = false, length = 64)
  private String groupName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private CallDirection direction;

  @Column(nullable = false, length = 32)
  private String caller;

  /** Who was called: the customer's number, or a consult call's target (number, agent, group). */
  @Column(length = 64)
  private String callee;

  @Column(name = "ivr_path", length = 64)
  private String ivrPath;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CallStatus status;

  @Column(name = "arrived_at", nullable = false)
  private OffsetDateTime arrivedAt;

  @Column(name = "offered_at")
  private OffsetDateTime offeredAt;

  @Column(name = "answered_at")
  private OffsetDateTime answeredAt;

  @Column(name = "ended_at")
  private OffsetDateTime endedAt;

  @Enumerated(EnumType.STRING)
  @Column(length = 16)
  private CallOutcome outcome;

  @Column(length = 128)
  private String qualification;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "agent_id")
  private Agent agent;

  @Column(nullable = false)
  private int offers;

  /** A consult call's origin: the call that waits on hold meanwhile (SPEC B12). */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "consult_of")
  private Call consultOf;

  @Enumerated(EnumType.STRING)
  @Column(name = "consult_target", length = 8)
  private LineTarget.Kind consultTarget;

  @Column(name = "held_since")
  private OffsetDateTime heldSince;

  /** Seconds on hold before {@link #heldSince}: hold time is counted apart from talk. */
  @Column(name = "hold_seconds", nullable = false)
  private long holdSeconds;

  /** The number, agent or group a transfer sent the call to. */
  @Column(name = "transferred_to", length = 64)
  private String transferredTo;

  /**
   * Until when the call may wait: in its group's queue (SPEC E2) or, dialled ahead of any agent,
   * for its customer to answer (B11); null without a limit.
   */
  @Column(name = "wait_limit")
  private OffsetDateTime waitLimit;

  /** The group the call overflowed from (SPEC E2); a call overflows once. */
  @Column(name = "overflowed_from", length = 64)
  private String overflowedFrom;

  /**
   * When the queued caller asked to be called back (SPEC X1): it left the line, the call keeps its
   * place and is dialled back when its turn comes.
   */
  @Column(name = "callback_requested_at")
  private OffsetDateTime callbackRequestedAt;

  @Version private long version;

  protected Call() {}

  private Call(
      Account account,
      QueueGroup group,
      CallDirection direction,
      String caller,
      String callee,
      String ivrPath,
      OffsetDateTime arrivedAt) {
    this.account = Objects.requireNonNull(account);
    this.accountId = account.getId();
    this.group = Objects.requireNonNull(group);
    this.groupName = group.getName();
    this.direction = direction;
    this.caller = Objects.requireNonNull(caller);
    this.callee = callee;
    this.ivrPath = ivrPath;
    this.arrivedAt = Objects.requireNonNull(arrivedAt);
    this.status = CallStatus.QUEUED;
  }

  /** A customer's call arriving in a group's queue. */
  public static Call inbound(
      Account account, QueueGroup group, String caller, String ivrPath, OffsetDateTime at) {
    return new Call(account, group, CallDirection.INBOUND, caller, null, ivrPath, at);
  }

  /**
   * A call an agent places for a group (SPEC B9): the switch rings the agent's phone, then the
   * customer's. {@code presentedNumber} is the caller ID the customer sees.
   */
  public static Call outbound(
      Account account,
      QueueGroup group,
      Agent agent,
      String presentedNumber,
      String number,
      OffsetDateTime at) {
    Call call = new Call(account, group, CallDirection.OUTBOUND, presentedNumber, number, null, at);
    call.agent = Objects.requireNonNull(agent);
    call.status = CallStatus.DIALING;
    call.offeredAt = at;
    call.offers = 1;
    return call;
  }

  /**
   * A call the predictive dialler places for a group's campaign (SPEC B11): the customer's phone
   * rings before any agent is chosen; the one free when the customer answers takes it ({@link
   * #connect}).
   */
  public static Call predictive(
      Account account, QueueGroup group, String presentedNumber, String number, OffsetDateTime at) {
    Call call = new Call(account, group, CallDirection.OUTBOUND, presentedNumber, number, null, at);
    call.status = CallStatus.DIALING;
    return call;
  }

  /**
   * Whether this is a predictive call whose customer has not answered yet: no agent holds it, so
   * the switch's reports about it go to the dialler rather than to an agent's state.
   */
  public boolean isDialledAhead() {
    return direction == CallDirection.OUTBOUND && status == CallStatus.DIALING && agent == null;
  }

  /** The customer of a predictive call answered: the agent chosen for it talks with it now. */
  public void connect(Agent to, OffsetDateTime at) {
    if (!isDialledAhead()) {
      throw new IllegalStateException("call " + id + " is not a predictive call being dialled");
    }
    this.agent = Objects.requireNonNull(to);
    this.status = CallStatus.TALKING;
    this.offeredAt = at;
    this.answeredAt = at;
    this.offers = 1;
  }

  /**
   * An agent's second line (SPEC B12), placed from {@code from} while it waits on hold: to a number
   * (dialled, {@code by} the consulting agent), to an agent (whose phone rings like an offer) or to
   * a group (queued in {@code group}). {@code caller} is what the consulted side is shown.
   */
  public static Call consult(
      Call from, QueueGroup group, Agent by, String caller, LineTarget to, OffsetDateTime at) {
    Call call = new Call(from.account, group, CallDirection.CONSULT, caller, to.name(), null, at);
    call.consultOf = from;
    call.consultTarget = to.kind();
    if (to.kind() == LineTarget.Kind.NUMBER) {
      call.agent = Objects.requireNonNull(by);
      call.status = CallStatus.DIALING;
      call.offeredAt = at;
      call.offers = 1;
    }
    return call;
  }

  /**
   * The caller of {@code from}, sent by a blind transfer to {@code group}, keeping its arrival time
   * and so its place in the queue (SPEC B12).
   */
  public static Call transferred(Call from, QueueGroup group) {
    return new Call(
        from.account,
        group,
        from.direction == CallDirection.OUTBOUND ? CallDirection.OUTBOUND : CallDirection.INBOUND,
        from.customerNumber(),
        from.direction == CallDirection.OUTBOUND ? from.callee : null,
        from.ivrPath,
        from.arrivedAt);
  }

  /** The call rings an agent's phone. */
  public void offerTo(Agent to, OffsetDateTime at) {
    requireStatus(CallStatus.QUEUED);
    this.agent = Objects.requireNonNull(to);
    this.status = CallStatus.RINGING;
    this.offers++;
    if (offeredAt == null) {
      offeredAt = at;
    }
  }

  /**
   * The call may wait in its group's queue until then (SPEC E2); a predictive call, for its
   * customer to answer (B11).
   */
  public void limitWait(OffsetDateTime until) {
    this.waitLimit = until;
  }

  /**
   * The call moves to another group's queue past its group's limits (SPEC E2), keeping its arrival
   * time and so its wait; the new group sets its own limit, counted from the same arrival.
   */
  public void overflowTo(QueueGroup to) {
    requireStatus(CallStatus.QUEUED);
    if (overflowedFrom != null) {
      throw new IllegalStateException("call " + id + " has already overflowed");
    }
    this.overflowedFrom = groupName;
    this.group = Objects.requireNonNull(to);
    this.groupName = to.getName();
    this.waitLimit = null;
  }

  public boolean hasOverflowed() {
    return overflowedFrom != null;
  }

  /** The queued caller asks to be called back, keeping its place (SPEC X1). */
  public void requestCallback(OffsetDateTime at) {
    requireStatus(CallStatus.QUEUED);
    this.callbackRequestedAt = Objects.requireNonNull(at);
  }

  /**
   * Whether the caller is owed the callback it asked for while queued (SPEC X1): on its queued
   * call, it waits off the line; on the outbound call that calls it back, an attempt that does not
   * reach it leaves it owed.
   */
  public boolean awaitsCallback() {
    return callbackRequestedAt != null;
  }

  /** This outbound call is the callback the queued call's caller asked for. */
  public void callsBack(Call queued) {
    if (direction != CallDirection.OUTBOUND || !queued.awaitsCallback()) {
      throw new IllegalStateException("call " + id + " cannot call back call " + queued.id);
    }
    this.callbackRequestedAt = queued.callbackRequestedAt;
  }

  /** The agent did not pick up: the call goes back to its queue. */
  public void notAnswered() {
    requireStatus(CallStatus.RINGING);
    this.agent = null;
    this.status = CallStatus.QUEUED;
  }

  /**
   * The called side picked up: the agent's phone the call rang (an inbound call, a consulted agent
   * or group, a call passed on by a blind transfer, an agent's own outbound one included), or the
   * number dialled (an agent's call, a predictive call's customer, a consulted number).
   */
  public void answer(OffsetDateTime at) {
    if (status != CallStatus.RINGING && status != CallStatus.DIALING) {
      throw new IllegalStateException(
          "call " + id + " is " + status + ", neither ringing an agent nor dialling");
    }
    this.status = CallStatus.TALKING;
    this.answeredAt = at;
  }

  public void end(CallOutcome how, OffsetDateTime at) {
    if (!status.isLive()) {
      throw new IllegalStateException("call " + id + " has already ended");
    }
    if (heldSince != null) {
      resume(at);
    }
    this.status = CallStatus.ENDED;
    this.outcome = Objects.requireNonNull(how);
    this.endedAt = at;
  }

  /** The line waits on hold; the customer hears the switch's music. */
  public void hold(OffsetDateTime at) {
    if (lineState() != LineState.TALKING) {
      throw new IllegalStateException("call " + id + " is not talking");
    }
    heldSince = at;
  }

  /** The line talks again; its time on hold is counted. */
  public void resume(OffsetDateTime at) {
    if (heldSince == null) {
      throw new IllegalStateException("call " + id + " is not on hold");
    }
    holdSeconds += Math.max(0, Duration.between(heldSince, at).toSeconds());
    heldSince = null;
  }

  /** A transfer sent the caller to a number, an agent or a group. */
  public void transferTo(String whom) {
    this.transferredTo = whom;
  }

  /** What the line does, as one of the agent's lines. */
  public LineState lineState() {
    return switch (status) {
      case QUEUED, RINGING -> LineState.RINGING;
      case DIALING -> LineState.DIALING;
      case TALKING -> heldSince == null ? LineState.TALKING : LineState.HELD;
      case ENDED -> throw new IllegalStateException("call " + id + " has ended");
    };
  }

  /** Seconds on hold, up to {@code now} for a line on hold. */
  public long holdSeconds(OffsetDateTime now) {
    return holdSeconds
        + (heldSince == null ? 0 : Math.max(0, Duration.between(heldSince, now).toSeconds()));
  }

  /**
   * Whether a call an agent did not answer goes back to its group's queue: every call but a consult
   * of that one agent, which simply fails.
   */
  public boolean requeues() {
    return consultTarget != LineTarget.Kind.AGENT;
  }

  public void qualify(String code) {
    this.qualification = code;
  }

  /**
   * Seconds between arrival and answer (or end, for a call never answered): the time in queue of an
   * inbound call, the time to reach the customer of an outbound one.
   */
  public long waitSeconds() {
    OffsetDateTime until = answeredAt != null ? answeredAt : endedAt;
    return until == null ? 0 : Duration.between(arrivedAt, until).toSeconds();
  }

  /**
   * Seconds between arrival and answer, or end, or {@code now} for a call still waiting: the live
   * figure of history and statistics.
   */
  public long waitSeconds(OffsetDateTime now) {
    OffsetDateTime until = answeredAt != null ? answeredAt : endedAt != null ? endedAt : now;
    return Math.max(0, Duration.between(arrivedAt, until).toSeconds());
  }

  /** Seconds of conversation, up to {@code now} for a call still talking. */
  public long talkSeconds(OffsetDateTime now) {
    if (answeredAt == null) {
      return 0;
    }
    OffsetDateTime until = endedAt != null ? endedAt : now;
    return Math.max(0, Duration.between(answeredAt, until).toSeconds());
  }

  /** The customer's number: who called in, or who was called. */
  public String customerNumber() {
    return direction == CallDirection.INBOUND ? caller : callee;
  }

  /** Seconds of conversation. */
  public long talkSeconds() {
    return answeredAt == null || endedAt == null
        ? 0
        : Duration.between(answeredAt, endedAt).toSeconds();
  }

  private void requireStatus(CallStatus expected) {
    if (status != expected) {
      throw new IllegalStateException("call " + id + " is " + status + ", not " + expected);
    }
  }

  public Long getId() {
    return id;
  }

  public Account getAccount() {
    return account;
  }

  public long getAccountId() {
    return accountId;
  }

  public QueueGroup getGroup() {
    return group;
  }

  public String getGroupName() {
    return groupName;
  }

  public CallDirection getDirection() {
    return direction;
  }

  public String getCaller() {
    return caller;
  }

  public String getCallee() {
    return callee;
  }

  public String getIvrPath() {
    return ivrPath;
  }

  public CallStatus getStatus() {
    return status;
  }

  public OffsetDateTime getArrivedAt() {
    return arrivedAt;
  }

  public OffsetDateTime getOfferedAt() {
    return offeredAt;
  }

  public OffsetDateTime getAnsweredAt() {
    return answeredAt;
  }

  public OffsetDateTime getEndedAt() {
    return endedAt;
  }

  public CallOutcome getOutcome() {
    return outcome;
  }

  public String getQualification() {
    return qualification;
  }

  public Agent getAgent() {
    return agent;
  }

  public int getOffers() {
    return offers;
  }

  public Call getConsultOf() {
    return consultOf;
  }

  public LineTarget.Kind getConsultTarget() {
    return consultTarget;
  }

  public OffsetDateTime getHeldSince() {
    return heldSince;
  }

  public OffsetDateTime getWaitLimit() {
    return waitLimit;
  }

  public String getOverflowedFrom() {
    return overflowedFrom;
  }

  public String getTransferredTo() {
    return transferredTo;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Call other && id != null && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
